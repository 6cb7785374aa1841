/*
 * The article form: a step that cannot be undone asks first, and leaving the page
 * with unsaved changes (a link, History, Close, the browser's back button) asks too.
 */
'use strict';
{
    function start() {
        const form = document.getElementById('article_form');
        if (!form) {
            return;
        }
        // A form sent back with errors holds text that is not saved yet.
        let unsaved = Boolean(document.querySelector('.errornote'));
        const touched = () => { unsaved = true; };
        form.addEventListener('input', touched);
        form.addEventListener('change', touched);
        if (window.django && window.django.jQuery) {
            window.django.jQuery(form).on('change', touched);  // the search boxes' changes
        }

        const confirmFirst = (event) => {
            const button = event.target.closest('[data-confirm]');
            if (button && !window.confirm(button.dataset.confirm)) {
                event.preventDefault();
            }
        };
        form.addEventListener('click', confirmFirst);
        // The live desk's forms sit above the article's: ending coverage or withdrawing asks too.
        const liveDesk = document.querySelector('.live-desk');
        if (liveDesk) {
            liveDesk.addEventListener('click', confirmFirst);
        }
        form.addEventListener('submit', () => { unsaved = false; });

        window.addEventListener('beforeunload', (event) => {
            if (unsaved) {
                event.preventDefault();
                event.returnValue = '';
            }
        });
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

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}
