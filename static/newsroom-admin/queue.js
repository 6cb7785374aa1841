/*
 * The moderation queue from the keyboard, as its page announces: J and K move
 * between comments, a decision's letter decides the current one (with the reason
 * typed in its row), O opens it, X selects it for a bulk action. Keys typed into a
 * field are left alone, and the keys can be turned off. After a decision the page
 * comes back on the same place.
 */
'use strict';
{
    const REMEMBERED = 'newsroom-queue-row';
    const KEYS_OFF = 'newsroom-queue-keys-off';
    // Where a letter is text being typed, not a shortcut.
    const TYPING = 'textarea, select, [contenteditable="true"], '
        + 'input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit])';

    function start() {
        const table = document.getElementById('result_list');
        if (!table || !document.getElementById('queue-keys')) {
            return;
        }
        const rows = Array.from(table.querySelectorAll('tbody tr'));
        if (!rows.length) {
            return;
        }
        // Single-letter keys can be turned off (screen readers and speech input use letters).
        const toggle = document.getElementById('queue-keys-on');
        if (toggle) {
            toggle.checked = window.localStorage.getItem(KEYS_OFF) === null;
            toggle.addEventListener('change', () => {
                if (toggle.checked) {
                    window.localStorage.removeItem(KEYS_OFF);
                } else {
                    window.localStorage.setItem(KEYS_OFF, '1');
                }
            });
        }
        const keys = {};
        for (const button of table.querySelectorAll('button[aria-keyshortcuts]')) {
            keys[button.getAttribute('aria-keyshortcuts').toLowerCase()] = button.value;
        }
        let current = -1;

        function select(index, focus) {
            if (current >= 0) {
                rows[current].classList.remove('queue-current');
            }
            current = Math.max(0, Math.min(index, rows.length - 1));
            const row = rows[current];
            row.classList.add('queue-current');
            if (focus) {
                row.tabIndex = -1;
                row.focus({preventScroll: true});
                row.scrollIntoView({block: 'nearest'});
            }
        }

        function decide(value) {
            const button = rows[current].querySelector(`button[value="${value}"]`);
            if (button) {
                window.sessionStorage.setItem(REMEMBERED, String(current));
                button.click();
            }
        }

        table.addEventListener('click', (event) => {
            const row = event.target.closest('tbody tr');
            if (!row) {
                return;
            }
            select(rows.indexOf(row), false);
            if (event.target.closest('button[name="decision"]')) {
                window.sessionStorage.setItem(REMEMBERED, String(current));
            }
        });

        document.addEventListener('keydown', (event) => {
            if (toggle && !toggle.checked) {
                return;
            }
            if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
                return;
            }
            if (event.target.closest(TYPING)) {
                return;
            }
            const key = event.key.toLowerCase();
            if (key === 'j' || key === 'k') {
                select(current < 0 ? 0 : current + (key === 'j' ? 1 : -1), true);
            } else if (current < 0) {
                return;
            } else if (keys[key]) {
                decide(keys[key]);
            } else if (key === 'o') {
                rows[current].querySelector('.queue-open').click();
            } else if (key === 'x') {
                const box = rows[current].querySelector('input.action-select');
                if (box) {
                    box.click();
                }
            } else {
                return;
            }
            event.preventDefault();
        });

        const remembered = window.sessionStorage.getItem(REMEMBERED);
        window.sessionStorage.removeItem(REMEMBERED);
        if (remembered !== null) {
            // The decided comment has left the list: the next one now sits in its place.
            select(Number(remembered), true);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}
