/*
 * The article's page: what is typed is never lost, and nobody is asked about nothing.
 *
 * - A step that cannot be undone asks first (a button's data-confirm), in the article
 *   form and on the live desk above it.
 * - Leaving the page asks only while a form on it (the article, a live post being
 *   written) holds changes that are not saved: it holds something else than when the
 *   page opened, or the page came back from a refused save or with a restored draft.
 *   Sending a form is no reason to ask about that form, only about the others.
 * - The article form is kept every few seconds as the person's private draft, and once
 *   more when the tab is hidden or closed (desk/drafts.py), so that opening the story
 *   again offers it back.
 */
'use strict';
{
    // Rich-text editors by their textarea: compared by the document they hold, so that
    // the editor writing the same text as other HTML is no change.
    const editors = new Map();
    // The form being sent, whose changes go to the server rather than being lost.
    let leaving = null;

    function fields(form) {
        // What the form holds, as it would send it: every field but files and the token.
        const found = [];
        for (const [name, value] of new FormData(form)) {
            if (typeof value === 'string' && name !== 'csrfmiddlewaretoken' && !name.startsWith('_autosave')) {
                found.push([name, value]);
            }
        }
        return found;
    }

    function state(form) {
        const shown = new Map();
        for (const [textarea, editor] of editors) {
            if (textarea.form === form) {
                shown.set(textarea.name, editor.getHTML());
            }
        }
        return JSON.stringify(fields(form).map(([name, value]) => [name, shown.has(name) ? shown.get(name) : value]));
    }

    class Tracked {
        constructor(form, unsaved) {
            this.form = form;
            this.unsaved = unsaved;  // sent back refused, or restored: not saved whatever it holds
            this.opened = state(form);
        }

        changed() {
            return this.unsaved || state(this.form) !== this.opened;
        }

        editorReady(textarea, editor) {
            const before = state(this.form);
            editors.set(textarea, editor);
            if (before === this.opened) {
                this.opened = state(this.form);  // nothing typed yet: the editor's reading of it
            }
        }
    }

    function track() {
        const tracked = [];
        const article = document.getElementById('article_form');
        const autosave = document.getElementById('autosave');
        if (article) {
            const refused = Boolean(article.querySelector('.errornote'));
            const restored = Boolean(autosave && autosave.hasAttribute('data-restored'));
            tracked.push(new Tracked(article, refused || restored));
        }
        const post = document.getElementById('live-post-form');
        if (post) {
            tracked.push(new Tracked(post, Boolean(post.querySelector('.errornote, .errorlist'))));
        }
        return tracked;
    }

    function confirmFirst(event) {
        const button = event.target.closest('[data-confirm]');
        if (button && !window.confirm(button.dataset.confirm)) {
            event.preventDefault();
        }
    }

    function autosave(tracked, box) {
        const form = tracked.form;
        const page = box.dataset.page;
        const marker = document.createElement('input');
        marker.type = 'hidden';
        marker.name = '_autosave_page';
        marker.value = page;
        form.append(marker);  // a save from this page ends its draft

        const status = document.createElement('p');
        status.className = 'autosave-status';
        const bar = form.querySelector('.desk-bar-state');
        (bar || form).after(status);

        let sent = '';  // the last draft the server kept
        let kept = box.hasAttribute('data-restored');  // the server holds a draft of this page
        let busy = false;

        function request() {
            const params = new URLSearchParams();
            params.set('csrfmiddlewaretoken', form.elements.csrfmiddlewaretoken.value);
            params.set('_autosave_page', page);
            params.set('_autosave_article', box.dataset.article);
            if (!tracked.changed()) {
                params.set('_autosave_unchanged', '1');  // undone: nothing to keep any more
                return kept ? params : null;
            }
            for (const [name, value] of fields(form)) {
                params.append(name, value);
            }
            return params;
        }

        async function keep(closing) {
            const params = leaving === form ? null : request();
            const body = params && params.toString();
            if (!body || body === sent || (busy && !closing)) {
                return;
            }
            busy = true;
            try {
                const response = await fetch(box.dataset.url, {
                    method: 'POST',
                    body: params,
                    credentials: 'same-origin',
                    // A request that outlives the page, when it is small enough for one.
                    keepalive: Boolean(closing) && body.length < 60000,
                });
                const answer = await response.json().catch(() => ({error: 'you may have been logged out'}));
                if (!response.ok || answer.error) {
                    throw new Error(answer.error || response.statusText);
                }
                sent = body;
                kept = answer.kept;
                status.textContent = answer.message;
            } catch (error) {
                status.textContent = `Your unsaved changes could not be kept (${error.message}): save them.`;
            } finally {
                busy = false;
            }
        }

        window.setInterval(keep, Number(box.dataset.seconds || 5) * 1000);
        document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'hidden') {
                keep(true);
            }
        });
        if (tracked.unsaved) {
            keep();  // a refused save's text, at once
        }
    }

    function start() {
        const tracked = track();
        document.addEventListener('click', confirmFirst);
        document.addEventListener('submit', (event) => { leaving = event.target; });
        document.addEventListener('prose-editor:ready', (event) => {
            const {editor, textarea} = event.detail;
            const owner = tracked.find((one) => one.form === textarea.form);
            if (owner && editor) {
                owner.editorReady(textarea, editor);
            }
        });
        // Editors that were ready before this script started.
        for (const textarea of document.querySelectorAll('.prose-editor textarea')) {
            const editable = textarea.closest('.prose-editor').querySelector('[contenteditable]');
            if (editable && editable.editor) {
                const owner = tracked.find((one) => one.form === textarea.form);
                if (owner) {
                    owner.editorReady(textarea, editable.editor);
                }
            }
        }
        window.addEventListener('beforeunload', (event) => {
            if (tracked.some((one) => one.form !== leaving && one.changed())) {
                event.preventDefault();
                event.returnValue = '';
                leaving = null;  // whoever stays, stays with nothing sent
            }
        });
        window.addEventListener('pageshow', () => { leaving = null; });  // back from the cache
        const box = document.getElementById('autosave');
        const article = tracked.find((one) => one.form.id === 'article_form');
        if (box && article) {
            autosave(article, box);
        }
    }

    // The body's editor is named by the body's label, for screen readers and voice control.
    function nameEditor(textarea) {
        const label = document.querySelector(`label[for="${textarea.id}"]`);
        const editable = textarea.closest('.prose-editor')?.querySelector('[contenteditable]');
        if (label && editable) {
            label.id = label.id || `${textarea.id}_label`;
            editable.setAttribute('aria-labelledby', label.id);
        }
    }
    document.addEventListener('prose-editor:ready', (event) => nameEditor(event.detail.textarea));
    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.prose-editor textarea').forEach(nameEditor);
    });

    // After Django's own scripts have set up their boxes, which change no value.
    const later = () => window.setTimeout(start, 0);
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', later);
    } else {
        later();
    }
}
