/*
 * A live story's page: asks for new posts every few seconds and says how many came
 * ("3 new posts") instead of moving the page under the reader; a press shows them.
 *
 * The address holds the cursor (the newest post this page has), so every reader at that
 * cursor asks for the same thing and a cache can answer them all; If-None-Match makes an
 * unchanged answer a 304. Polling stops when the coverage ends. Without this script the
 * page still shows every post, and a reload brings the new ones.
 */
'use strict';
{
    function start() {
        const section = document.querySelector('.live-coverage[data-updates]');
        if (!section || !window.fetch) {
            return;
        }
        const list = section.querySelector('.live-posts');
        const bar = section.querySelector('.live-new');
        const button = bar.querySelector('button');
        const announcer = section.querySelector('.live-announcer');
        const seconds = Math.max(1, Number(section.dataset.pollSeconds) || 15);
        let cursor = section.dataset.cursor;
        let etag = null;
        let waiting = [];  // the new posts' HTML, newest first, not shown yet
        let count = 0;
        let mustReload = false;
        let stopped = false;

        const label = (n) => (n === 1
            ? section.dataset.oneNew
            : section.dataset.manyNew.replace('%s', String(n)));

        function offer() {
            const text = mustReload ? `${label(count)} · ${section.dataset.reload}` : label(count);
            button.textContent = text;
            announcer.textContent = text;
            bar.hidden = false;
        }

        button.addEventListener('click', () => {
            if (mustReload) {
                window.location.reload();
                return;
            }
            const empty = list.querySelector('.live-no-posts');
            if (empty) {
                empty.remove();
            }
            list.insertAdjacentHTML('afterbegin', waiting.join(''));
            const first = list.firstElementChild;
            waiting = [];
            count = 0;
            bar.hidden = true;
            announcer.textContent = '';
            if (first) {
                first.focus();
            }
        });

        function ended() {
            stopped = true;
            const notice = document.createElement('p');
            notice.className = 'live-ended alert alert-secondary';
            notice.textContent = section.dataset.ended;
            section.querySelector('h2').after(notice);
            const badge = section.querySelector('.live-badge');
            if (badge) {
                badge.remove();
            }
        }

        async function poll() {
            if (document.hidden) {
                return;  // asked again when the page is looked at
            }
            const address = `${section.dataset.updates}?after=${encodeURIComponent(cursor)}`;
            const headers = etag ? { 'If-None-Match': etag } : {};
            // No cookies: the answer is the same for everyone, never a signed-in variant.
            const response = await fetch(address, { headers, cache: 'no-store', credentials: 'omit' });
            if (response.status === 304 || !response.ok) {
                return;
            }
            const data = await response.json();
            etag = response.headers.get('ETag');
            if (data.count > 0) {
                waiting = data.posts.concat(waiting);
                count += data.count;
                mustReload = mustReload || data.reload;
                cursor = data.cursor;
                etag = null;  // another address from now on
                offer();
            }
            if (data.ended) {
                ended();
            }
        }

        function next() {
            if (!stopped) {
                window.setTimeout(() => poll().catch(() => {}).finally(next), seconds * 1000);
            }
        }

        document.addEventListener('visibilitychange', () => {
            if (!document.hidden && !stopped) {
                poll().catch(() => {});
            }
        });
        next();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}
