/*
 * On every admin page. Django's search boxes for related objects (select2) are
 * named only by their current value: give each the name of its label too, so a
 * screen reader says "Contributor: Guy Faulconbridge", not just the name.
 */
'use strict';
{
    function nameSearchBoxes(root) {
        for (const select of root.querySelectorAll('select.admin-autocomplete')) {
            const label = select.id && document.querySelector(`label[for="${select.id}"]`);
            const made = select.nextElementSibling;
            if (!label || !made) {
                continue;
            }
            label.id = label.id || `${select.id}-label`;
            const box = made.querySelector('[role="combobox"]');
            if (box) {
                const shown = box.querySelector('.select2-selection__rendered');
                if (shown) {
                    // The shown value is part of the box's name, not a text field of its own.
                    shown.removeAttribute('role');
                    shown.removeAttribute('aria-readonly');
                }
                box.setAttribute('aria-labelledby', shown && shown.id ? `${label.id} ${shown.id}` : label.id);
            }
            // A box of several choices is typed into a search field of its own.
            const search = made.querySelector('.select2-search__field');
            if (search) {
                search.setAttribute('aria-labelledby', label.id);
            }
        }
    }

    const jQuery = window.django && window.django.jQuery;
    if (jQuery) {
        // After Django's own ready handler has made the boxes.
        jQuery(() => nameSearchBoxes(document));
        document.addEventListener('formset:added', (event) => nameSearchBoxes(event.target));
    }
}
