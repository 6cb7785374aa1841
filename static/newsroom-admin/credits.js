/*
 * The article's credits as a short ordered list: add, remove, drag or move with
 * the arrow buttons, each row showing only the fields its role uses, and the
 * credit line (with warnings) previewed from the server as the list changes.
 *
 * Rows keep the names Django gave them; only their hidden "position" follows the
 * order on the page. A removed new row leaves a gap in the numbering, which the
 * formset ignores, so no other row is ever renamed.
 */
'use strict';
{
    const $ = window.django && window.django.jQuery;

    function start() {
        const group = document.querySelector('.credits-editor');
        if (!group) {
            return;
        }
        const prefix = group.dataset.prefix;
        const list = group.querySelector('.credit-list');
        const template = group.querySelector('.credit-template');
        const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
        const rolesUsing = JSON.parse(group.dataset.rolesUsing);
        const editable = group.dataset.editable === 'true';
        const preview = group.querySelector('.credit-line-preview');
        const warnings = group.querySelector('.credit-warnings');
        const announcer = group.querySelector('.credit-announce');
        const form = group.closest('form');

        const rows = () => Array.from(list.querySelectorAll(':scope > .credit-row'));
        const input = (row, name) => row.querySelector(`[name$="-${name}"]`);
        const removed = (row) => Boolean(input(row, 'DELETE') && input(row, 'DELETE').checked);
        const describe = (row) => {
            const who = input(row, 'contributor');
            const name = who && who.selectedOptions.length ? who.selectedOptions[0].textContent : '';
            return name.trim() || 'Credit';
        };

        function announce(text) {
            announcer.textContent = '';
            window.setTimeout(() => { announcer.textContent = text; }, 60);
        }

        // A field the role does not use is hidden, unless it holds a value the editor must see.
        function showFields(row) {
            const role = input(row, 'role');
            if (!role) {
                return;
            }
            for (const [name, roles] of Object.entries(rolesUsing)) {
                const box = row.querySelector(`.credit-field-${name}`);
                const field = box && box.querySelector('input, select');
                if (field) {
                    box.hidden = !roles.includes(role.value) && !field.value;
                }
            }
        }

        function renumber() {
            const all = rows();
            all.forEach((row, index) => {
                const position = input(row, 'position');
                if (position) {
                    position.value = index;
                }
                row.querySelector('.credit-number').textContent = index + 1;
                for (const button of row.querySelectorAll('.credit-move')) {
                    const up = button.dataset.move === 'up';
                    button.setAttribute('aria-label', `Move credit ${index + 1} ${up ? 'up' : 'down'}`);
                    const stuck = up ? index === 0 : index === all.length - 1;
                    button.setAttribute('aria-disabled', stuck ? 'true' : 'false');
                }
            });
        }

        let pending = null;
        let asked = 0;
        function refreshPreview() {
            window.clearTimeout(pending);
            pending = window.setTimeout(askServer, 250);
        }

        async function askServer() {
            const query = new URLSearchParams();
            for (const name of ['language', 'credit_style', 'translation_of']) {
                const field = document.getElementById(`id_${name}`);
                if (field) {
                    query.append(name, field.value);
                }
            }
            for (const row of rows()) {
                if (removed(row)) {
                    continue;
                }
                query.append('role', input(row, 'role') ? input(row, 'role').value : '');
                query.append('contributor', input(row, 'contributor') ? input(row, 'contributor').value : '');
                query.append('place', input(row, 'place') ? input(row, 'place').value : '');
                query.append('into', input(row, 'language') ? input(row, 'language').value : '');
            }
            const ticket = ++asked;
            try {
                const response = await fetch(`${group.dataset.previewUrl}?${query}`, {
                    credentials: 'same-origin',
                    headers: {Accept: 'application/json'},
                });
                if (!response.ok || ticket !== asked) {
                    return;
                }
                const data = await response.json();
                preview.textContent = data.line || '—';
                warnings.replaceChildren(...data.warnings.map((text) => {
                    const item = document.createElement('li');
                    item.textContent = text;
                    return item;
                }));
            } catch (error) {
                // The preview is a help; the saved line is still shown after saving.
            }
        }

        function move(row, delta) {
            const all = rows();
            const to = all.indexOf(row) + delta;
            if (to < 0 || to >= all.length) {
                return false;
            }
            if (delta < 0) {
                list.insertBefore(row, all[to]);
            } else {
                list.insertBefore(row, all[to].nextSibling);
            }
            renumber();
            refreshPreview();
            announce(`${describe(row)} is now credit ${to + 1} of ${all.length}.`);
            return true;
        }

        function prepare(row) {
            showFields(row);
        }

        function addRow() {
            const index = Number(total.value);
            const holder = document.createElement('ol');
            holder.innerHTML = template.innerHTML.replace(/__prefix__/g, index);
            const row = holder.firstElementChild;
            row.id = `${prefix}-${index}`;
            list.appendChild(row);
            total.value = index + 1;
            // Django's admin sets up the contributor search box of a row it is told about.
            row.dispatchEvent(new CustomEvent('formset:added', {bubbles: true, detail: {formsetName: prefix}}));
            prepare(row);
            renumber();
            const role = input(row, 'role');
            if (role) {
                role.focus();
            }
            announce(`Credit ${rows().length} added.`);
        }

        // A form sent back with an error comes back in the order of its rows' names:
        // put the credits back in the order the editor had given them.
        const sent = (row) => {
            const position = input(row, 'position');
            return position && position.value !== '' ? Number(position.value) : Infinity;
        };
        rows().sort((a, b) => sent(a) - sent(b)).forEach((row) => list.appendChild(row));
        rows().forEach(prepare);
        renumber();

        const changed = (event) => {
            const row = event.target.closest('.credit-row');
            if (row) {
                showFields(row);
                row.classList.toggle('removed', removed(row));
            }
            refreshPreview();
        };
        // The contributor box is a jQuery widget: its changes reach jQuery's listeners only.
        if ($) {
            $(list).on('change', changed);
        } else {
            list.addEventListener('change', changed);
        }
        list.addEventListener('input', changed);
        for (const name of ['language', 'credit_style', 'translation_of']) {
            const field = document.getElementById(`id_${name}`);
            if (field && $) {
                $(field).on('change', refreshPreview);
            }
        }

        if (!editable) {
            return;
        }

        list.addEventListener('click', (event) => {
            const button = event.target.closest('button');
            const row = button && button.closest('.credit-row');
            if (!row) {
                return;
            }
            if (button.classList.contains('credit-move')) {
                move(row, button.dataset.move === 'up' ? -1 : 1);
                button.focus();
            } else if (button.classList.contains('credit-remove')) {
                const next = row.nextElementSibling || row.previousElementSibling;
                row.remove();
                renumber();
                refreshPreview();
                announce('Credit removed.');
                const focus = next ? next.querySelector('select, input:not([type=hidden]), button') : group.querySelector('.credit-add');
                if (focus) {
                    focus.focus();
                }
            }
        });

        const add = group.querySelector('.credit-add');
        if (add) {
            add.addEventListener('click', addRow);
        }

        // Dragging by the handle; the arrow buttons do the same from the keyboard.
        let dragged = null;
        list.addEventListener('pointerdown', (event) => {
            const handle = event.target.closest('.credit-handle');
            if (handle) {
                handle.closest('.credit-row').draggable = true;
            }
        });
        list.addEventListener('dragstart', (event) => {
            dragged = event.target.closest('.credit-row');
            if (!dragged) {
                return;
            }
            dragged.classList.add('dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', dragged.id);
        });
        list.addEventListener('dragover', (event) => {
            const over = event.target.closest('.credit-row');
            if (!dragged || !over || over === dragged) {
                return;
            }
            event.preventDefault();
            const box = over.getBoundingClientRect();
            const after = event.clientY > box.top + box.height / 2;
            list.insertBefore(dragged, after ? over.nextSibling : over);
        });
        list.addEventListener('drop', (event) => {
            if (dragged) {
                event.preventDefault();
            }
        });
        list.addEventListener('dragend', () => {
            if (!dragged) {
                return;
            }
            dragged.classList.remove('dragging');
            dragged.draggable = false;
            renumber();
            refreshPreview();
            announce(`${describe(dragged)} is now credit ${rows().indexOf(dragged) + 1} of ${rows().length}.`);
            dragged = null;
        });

        if (form) {
            form.addEventListener('submit', renumber);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}
