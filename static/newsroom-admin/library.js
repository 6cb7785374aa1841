/*
 * The media library's pictures in the admin.
 *
 * - A picture's page: clicking the picture sets its focal point (the two boxes under
 *   "Crops"), shown as a mark on the picture.
 * - A story's page: the lead image chosen is shown as a thumbnail beside its box.
 */
'use strict';
{
    function focalPoint(box) {
        const picture = box.querySelector('img');
        const mark = box.querySelector('.focal-point-mark');
        const across = document.getElementById('id_focal_x');
        const down = document.getElementById('id_focal_y');
        if (!picture || !across || !down) {
            return;
        }
        function show() {
            mark.style.left = `${Number(across.value) * 100}%`;
            mark.style.top = `${Number(down.value) * 100}%`;
        }
        picture.addEventListener('click', (event) => {
            const frame = picture.getBoundingClientRect();
            const share = (value) => Math.min(1, Math.max(0, value)).toFixed(2);
            across.value = share((event.clientX - frame.left) / frame.width);
            down.value = share((event.clientY - frame.top) / frame.height);
            across.dispatchEvent(new Event('input', {bubbles: true}));
            show();
        });
        across.addEventListener('input', show);
        down.addEventListener('input', show);
        show();
    }

    function leadThumbnail(select) {
        const url = select.dataset.describe;
        const shown = document.createElement('figure');
        shown.className = 'lead-image-thumbnail';
        shown.setAttribute('aria-live', 'polite');
        (select.closest('.related-widget-wrapper') || select).after(shown);
        async function update() {
            shown.textContent = '';
            if (!select.value) {
                return;
            }
            const response = await fetch(`${url}${select.value}/`, {credentials: 'same-origin'});
            const found = response.ok ? await response.json() : null;
            if (!found || select.value !== String(found.id)) {
                return;
            }
            if (found.thumbnail) {
                const image = document.createElement('img');
                image.src = found.thumbnail;
                image.alt = `Lead image: ${found.alt_text}`;
                shown.append(image);
            }
            const caption = document.createElement('figcaption');
            caption.textContent = [found.caption, found.credit].filter(Boolean).join(' · ');
            shown.append(caption);
        }
        select.addEventListener('change', update);
        if (window.django && window.django.jQuery) {
            window.django.jQuery(select).on('change', update);  // the autocomplete box's own event
        }
        update();
    }

    function start() {
        document.querySelectorAll('.focal-point').forEach(focalPoint);
        document.querySelectorAll('select[data-describe]').forEach(leadThumbnail);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}
