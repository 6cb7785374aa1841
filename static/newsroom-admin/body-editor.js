/*
 * The body's blocks in the editor, each drawn as readers will see it, and its toolbar.
 *
 * Every block the body may hold (articles/html.py) is a block of its own here, so that
 * opening a story and saving it keeps it: a pull quote, a fact box (a title and its
 * items), a picture of the media library (a reference, <figure data-image="12">, drawn
 * from the library), an embed (an address alone on a line), beside paragraphs, subheads,
 * lists, quotes and links. What the editor reads it writes back the same way: <b> stays
 * <b>, a list item without a paragraph stays without one.
 *
 * Loaded by django-prose-editor's configurable preset (DJANGO_PROSE_EDITOR_EXTENSIONS);
 * exports named like the editor's own (Bold, Blockquote, ListItem) replace them.
 * The toolbar's icons are inline SVG or words: no icon font, no glyph of the system.
 */
import {
    Blockquote as BaseBlockquote,
    Bold as BaseBold,
    crel,
    Extension,
    Italic as BaseItalic,
    Link as BaseLink,
    ListItem as BaseListItem,
    Mark,
    Node,
    pm,
    updateAttrsDialog,
} from 'django-prose-editor/editor';

const SVG = (paths) => `<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
const ICONS = {
    bulletList: SVG('<circle cx="5" cy="7" r="1.2" fill="currentColor"/><circle cx="5" cy="12" r="1.2" fill="currentColor"/><circle cx="5" cy="17" r="1.2" fill="currentColor"/><path d="M9 7h11M9 12h11M9 17h11"/>'),
    orderedList: SVG('<path d="M4 5h2v4M4 9h3M4 14h3l-3 4h3M10 7h10M10 12h10M10 17h10"/>'),
    quote: SVG('<path d="M4 5v14"/><path d="M9 8h11M9 12h11M9 16h7"/>'),
    link: SVG('<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>'),
    unlink: SVG('<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1M4 4l16 16"/>'),
    pullQuote: SVG('<path d="M5 11h4v6H4v-5c0-3 1.5-5 4-6M15 11h4v6h-5v-5c0-3 1.5-5 4-6" fill="currentColor" stroke-width="1"/>'),
    factBox: SVG('<rect x="3.5" y="4" width="17" height="16" rx="1.5"/><path d="M7 8.5h10M7 12.5h2M11 12.5h6M7 16h2M11 16h6"/>'),
    picture: SVG('<rect x="3" y="5" width="18" height="14" rx="1.5"/><circle cx="8.5" cy="10" r="1.5"/><path d="M21 16l-5-5-9 8"/>'),
    embed: SVG('<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M10 9.5v5l4.5-2.5z" fill="currentColor"/>'),
    undo: SVG('<path d="M9 14L4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 0 12h-3"/>'),
    redo: SVG('<path d="M15 14l5-5-5-5"/><path d="M20 9H10a6 6 0 0 0 0 12h3"/>'),
};

// --- What the editor reads, written back as it was -------------------------------------

function tagAttribute(own, other) {
    // <strong> or <b>, <em> or <i>: the same mark, written with the tag it was read with.
    return {
        tag: {
            default: own,
            parseHTML: (element) => (element.tagName.toLowerCase() === other ? other : own),
            renderHTML: () => ({}),
        },
    };
}

export const Bold = BaseBold.extend({
    addAttributes() {
        return tagAttribute('strong', 'b');
    },
    renderHTML({mark, HTMLAttributes}) {
        return [mark.attrs.tag, HTMLAttributes, 0];
    },
});

export const Italic = BaseItalic.extend({
    addAttributes() {
        return tagAttribute('em', 'i');
    },
    renderHTML({mark, HTMLAttributes}) {
        return [mark.attrs.tag, HTMLAttributes, 0];
    },
});

// A list item holding its words directly (<li>Held at 4.5%</li>) is written so again;
// the paragraph ProseMirror needs inside it is taken out as the HTML is written.
export const ListItem = BaseListItem.extend({
    addAttributes() {
        return {
            bare: {
                default: true,
                keepOnSplit: true,
                parseHTML: (element) => !element.firstElementChild || element.firstElementChild.tagName !== 'P',
                renderHTML: (attributes) => (attributes.bare ? {'data-bare': ''} : {}),
            },
        };
    },
});

// A link's title only when one is typed: the link dialog's empty Title box adds none.
export const Link = BaseLink.extend({
    addAttributes() {
        return {
            ...this.parent?.(),
            title: {
                default: null,
                parseHTML: (element) => element.getAttribute('title'),
                renderHTML: (attributes) => (attributes.title ? {title: attributes.title} : {}),
            },
        };
    },
});

const citeAttribute = {
    cite: {
        default: null,
        parseHTML: (element) => element.getAttribute('cite'),
        renderHTML: (attributes) => (attributes.cite ? {cite: attributes.cite} : {}),
    },
};

export const Blockquote = BaseBlockquote.extend({
    addAttributes() {
        return citeAttribute;
    },
});

export const InlineQuote = Mark.create({
    name: 'inlineQuote',
    addAttributes() {
        return citeAttribute;
    },
    parseHTML() {
        return [{tag: 'q'}];
    },
    renderHTML({HTMLAttributes}) {
        return ['q', HTMLAttributes, 0];
    },
});

export const Cite = Mark.create({
    name: 'cite',
    parseHTML() {
        return [{tag: 'cite'}];
    },
    renderHTML() {
        return ['cite', 0];
    },
});

/** The HTML as the body keeps it: list items read without a paragraph lose theirs again,
 * a numbered list carries no marker type (the body has one kind), and an empty line
 * (the one left to type on after a picture, say) is no paragraph. */
export function tidy(html) {
    html = html.replace(/<p><\/p>/g, '');
    if (!html.includes('data-bare') && !html.includes('<ol ')) {
        return html;
    }
    const template = document.createElement('template');
    template.innerHTML = html;
    for (const list of template.content.querySelectorAll('ol[data-type]')) {
        list.removeAttribute('data-type');
    }
    for (const item of template.content.querySelectorAll('li[data-bare]')) {
        item.removeAttribute('data-bare');
        const first = item.firstChild;
        if (first && first.nodeName === 'P' && first.attributes.length === 0) {
            first.replaceWith(...first.childNodes);
        }
    }
    return template.innerHTML;
}

// --- The body's own blocks ----------------------------------------------------------------

/** Insert a block where the writer is: after a picture or embed that is selected (never
 * over it), in place of an empty line, and with a line to go on typing after it when it
 * ends the story. */
function insertBlock(content) {
    return ({chain, state}) => {
        const {selection} = state;
        const $to = selection.$to;
        const range = selection.node ? selection.to : {from: selection.from, to: selection.to};
        const last = ($to.depth ? $to.after(1) : $to.pos) === state.doc.content.size;
        return chain()
            .insertContentAt(range, last ? [content, {type: 'paragraph'}] : content)
            .scrollIntoView()
            .run();
    };
}

export const PullQuote = Node.create({
    name: 'pullQuote',
    group: 'block',
    content: 'paragraph+',
    defining: true,
    parseHTML() {
        return [{tag: 'blockquote.pull-quote', priority: 60}];
    },
    renderHTML() {
        return ['blockquote', {class: 'pull-quote'}, 0];
    },
    addCommands() {
        return {
            togglePullQuote: () => ({commands}) => commands.toggleWrap(this.name),
        };
    },
});

export const FactBox = Node.create({
    name: 'factBox',
    group: 'block',
    // A paragraph first: it is the block Enter makes inside the box (a heading would be).
    content: '(paragraph|heading|bulletList|orderedList|blockquote)+',
    defining: true,
    isolating: true,
    parseHTML() {
        return [{tag: 'aside.fact-box', priority: 60}];
    },
    renderHTML() {
        return ['aside', {class: 'fact-box'}, 0];
    },
    addCommands() {
        return {
            // The box with a title and one item, its title selected: what is typed replaces it.
            insertFactBox: () => ({chain, state}) => {
                const title = 'Title of the fact box';
                const at = state.selection.$from;
                const emptyLine = at.parent.isTextblock && at.parent.childCount === 0 && at.depth > 0;
                const start = emptyLine ? at.before() : (at.depth ? at.after(1) : state.selection.to);
                return chain()
                    .insertContentAt(emptyLine ? {from: start, to: at.after()} : start, {
                        type: this.name,
                        content: [
                            {type: 'heading', attrs: {level: 2}, content: [{type: 'text', text: title}]},
                            {
                                type: 'bulletList',
                                content: [{type: 'listItem', content: [{type: 'paragraph', content: [{type: 'text', text: 'A fact'}]}]}],
                            },
                        ],
                    })
                    .setTextSelection({from: start + 2, to: start + 2 + title.length})
                    .run();
            },
        };
    },
    addKeyboardShortcuts() {
        return {
            // Enter on an empty last line of the box leaves it, as it leaves a quote: the
            // box isolates its content, so ProseMirror's own lifting stops at its edge.
            Enter: ({editor}) => {
                const {$from, empty} = editor.state.selection;
                const box = $from.depth >= 2 ? $from.node($from.depth - 1) : null;
                if (!empty || !box || box.type.name !== this.name || $from.parent.type.name !== 'paragraph'
                    || $from.parent.childCount !== 0 || $from.index($from.depth - 1) !== box.childCount - 1) {
                    return false;
                }
                const after = $from.after($from.depth - 1);
                return editor.chain()
                    .command(({tr}) => {
                        tr.delete($from.before(), $from.after());
                        const at = tr.mapping.map(after);
                        tr.insert(at, editor.schema.nodes.paragraph.create());
                        tr.setSelection(pm.state.TextSelection.create(tr.doc, at + 1));
                        return true;
                    })
                    .run();
            },
        };
    },
});

// A picture of the media library, by its number; drawn with what the library says of it.
const described = new Map();

function describe(url, image, language) {
    const address = `${url}${image}/${language ? `?language=${encodeURIComponent(language)}` : ''}`;
    if (!described.has(address)) {
        described.set(address, fetch(address, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then((response) => (response.ok ? response.json() : {missing: true}))
            .catch(() => ({missing: true})));
    }
    return described.get(address);
}

export const LibraryPicture = Node.create({
    name: 'libraryPicture',
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,
    addOptions() {
        return {chooser: '', language: ''};
    },
    addAttributes() {
        return {
            image: {
                default: null,
                parseHTML: (element) => element.getAttribute('data-image'),
                renderHTML: (attributes) => ({'data-image': attributes.image}),
            },
        };
    },
    parseHTML() {
        return [{tag: 'figure[data-image]', priority: 60}];
    },
    renderHTML({HTMLAttributes}) {
        return ['figure', HTMLAttributes];
    },
    addNodeView() {
        const chooser = this.options.chooser;
        const language = this.options.language;
        return ({node}) => {
            const image = crel('img', {alt: '', className: 'body-picture-img'});
            const caption = crel('figcaption', {className: 'figure-caption'});
            const dom = crel('figure', {className: 'body-picture', contentEditable: 'false'}, [image, caption]);
            dom.dataset.image = node.attrs.image;
            caption.textContent = `Picture ${node.attrs.image} of the media library`;
            describe(chooser, node.attrs.image, language).then((found) => {
                if (found.missing) {
                    dom.classList.add('body-picture-missing');
                    image.remove();
                    caption.textContent = `Picture ${node.attrs.image} is no longer in the media library: readers see nothing here.`;
                    return;
                }
                image.src = found.thumbnail;
                image.alt = found.alt_text;
                caption.textContent = found.caption;
                if (found.credit) {
                    caption.append(' ', crel('span', {className: 'photo-credit', textContent: found.credit}));
                }
            });
            return {dom};
        };
    },
    addCommands() {
        return {
            insertLibraryPicture: (image) => insertBlock({type: this.name, attrs: {image: String(image)}}),
        };
    },
});

// An address alone on a line: an embed on the page when a provider's, else a link.
function providerOf(address, providers) {
    return providers.find((provider) => new RegExp(`^(?:${provider.pattern})$`).test(address));
}

function loneAddress(element) {
    if (element.attributes.length || element.childNodes.length !== 1) {
        return null;
    }
    const only = element.firstChild;
    if (only.nodeType === 3) {
        const text = only.textContent;
        return /^https?:\/\/\S+$/.test(text) ? {url: text, linked: false} : null;
    }
    if (only.nodeName === 'A' && only.attributes.length === 1 && only.childNodes.length === 1 && only.firstChild.nodeType === 3) {
        const href = only.getAttribute('href');
        return href && only.textContent === href ? {url: href, linked: true} : null;
    }
    return null;
}

export const Embed = Node.create({
    name: 'embed',
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,
    addOptions() {
        return {providers: []};
    },
    addAttributes() {
        return {url: {default: ''}, linked: {default: false}};
    },
    parseHTML() {
        return [{
            tag: 'p',
            priority: 60,
            getAttrs: (element) => {
                const found = loneAddress(element);
                return found && providerOf(found.url, this.options.providers) ? found : false;
            },
        }];
    },
    renderHTML({node}) {
        const {url, linked} = node.attrs;
        return linked ? ['p', ['a', {href: url}, url]] : ['p', url];
    },
    addNodeView() {
        const providers = this.options.providers;
        return ({node}) => {
            const provider = providerOf(node.attrs.url, providers);
            const name = provider ? provider.name : 'Embed';
            const what = provider && provider.kind === 'video' ? 'video' : 'post';
            const dom = crel('figure', {className: `embed embed-${provider ? provider.kind : 'post'}`, contentEditable: 'false'}, [
                crel('div', {className: 'embed-placeholder'}, [
                    crel('p', {textContent: `${name} ${what}: nothing is loaded from ${name} until the reader asks.`}),
                    crel('span', {className: 'embed-address', textContent: node.attrs.url}),
                ]),
            ]);
            return {dom};
        };
    },
    addCommands() {
        return {
            insertEmbed: (url) => insertBlock({type: this.name, attrs: {url, linked: false}}),
        };
    },
});

// --- The picture chooser: the media library's pictures, searched, a page at a time ----------

function openChooser(editor, url) {
    const dialog = crel('dialog', {className: 'picture-chooser'});
    dialog.setAttribute('aria-labelledby', 'picture-chooser-title');
    document.body.append(dialog);

    async function show(address) {
        const response = await fetch(address, {credentials: 'same-origin'});
        dialog.innerHTML = await response.text();
        const search = dialog.querySelector('input[type=search]');
        if (search) {
            search.focus();
            search.setSelectionRange(search.value.length, search.value.length);
        }
    }

    dialog.addEventListener('click', (event) => {
        const pick = event.target.closest('[data-pick]');
        const page = event.target.closest('a[data-page]');
        if (pick) {
            event.preventDefault();
            dialog.close();
            editor.chain().focus().insertLibraryPicture(pick.dataset.pick).run();
        } else if (page) {
            event.preventDefault();
            show(page.href);
        } else if (event.target.closest('[data-close]') || event.target === dialog) {
            dialog.close();
        }
    });
    dialog.addEventListener('submit', (event) => {
        event.preventDefault();
        const query = new URLSearchParams(new FormData(event.target));
        show(`${url}?${query}`);
    });
    dialog.addEventListener('close', () => dialog.remove());
    show(url).then(() => dialog.showModal());
}

// --- The toolbar ---------------------------------------------------------------------------

function words(buttons, label, title, className) {
    const button = buttons.text(label, title);
    button.classList.add('body-button', className);
    return button;
}

// An icon and words: the words say it, the icon only helps the eye find it again.
function iconAndWords(buttons, icon, label, title, className) {
    const button = buttons.svg(`${icon}<span>${label}</span>`, title);
    button.classList.add('body-button', className);
    return button;
}

export const BodyToolbar = Extension.create({
    name: 'bodyToolbar',
    priority: 1,  // after every block, so that its buttons replace theirs
    addOptions() {
        return {chooser: ''};
    },
    onBeforeCreate() {
        // The HTML as the body keeps it, for the form and for the HTML box alike.
        const editor = this.editor;
        const getHTML = editor.getHTML.bind(editor);
        editor.getHTML = () => tidy(getHTML());
    },
    addMenuItems({menu, buttons}) {
        const chooser = this.options.chooser;
        const item = (name, group, button, command, active = () => false, enabled = null) => {
            menu.defineItem({
                name,
                groups: group,
                button,
                command,
                active,
                ...(enabled ? {enabled} : {}),
            });
        };
        item('paragraph', 'blocks', words(buttons, '¶', 'Paragraph', 'body-button-paragraph'),
            (editor) => editor.chain().focus().setParagraph().run(),
            (editor) => editor.isActive('paragraph'));
        for (const level of [2, 3, 4]) {
            item(`heading${level}`, 'blocks', words(buttons, `H${level}`, `H${level} subhead (level ${level})`, 'body-button-heading'),
                (editor) => editor.chain().focus().toggleHeading({level}).run(),
                (editor) => editor.isActive('heading', {level}));
        }
        item('bulletList', 'blocks', buttons.svg(ICONS.bulletList, 'Bulleted list'),
            (editor) => editor.chain().focus().toggleBulletList().run(),
            (editor) => editor.isActive('bulletList'));
        item('orderedList', 'blocks', buttons.svg(ICONS.orderedList, 'Numbered list'),
            (editor) => editor.chain().focus().toggleOrderedList().run(),
            (editor) => editor.isActive('orderedList'));
        item('blockquote', 'blocks', buttons.svg(ICONS.quote, 'Quote'),
            (editor) => editor.chain().focus().toggleBlockquote().run(),
            (editor) => editor.isActive('blockquote'),
            (editor) => editor.can().toggleBlockquote());
        item('bold', 'marks', words(buttons, 'B', 'Bold', 'body-button-bold'),
            (editor) => editor.chain().focus().toggleMark('bold').run(),
            (editor) => editor.isActive('bold'));
        item('italic', 'marks', words(buttons, 'I', 'Italic', 'body-button-italic'),
            (editor) => editor.chain().focus().toggleMark('italic').run(),
            (editor) => editor.isActive('italic'));
        item('link', 'link', buttons.svg(ICONS.link, 'Link'),
            (editor) => editor.chain().addLink().focus().run(),
            (editor) => editor.isActive('link'),
            (editor) => !editor.state.selection.empty || editor.isActive('link'));
        menu.defineItem({
            name: 'unlink',
            groups: 'link',
            button: buttons.svg(ICONS.unlink, 'Remove the link'),
            command: (editor) => editor.chain().focus().unsetLink().run(),
            hidden: (editor) => !editor.isActive('link'),
        });
        item('pullQuote', 'insert', iconAndWords(buttons, ICONS.pullQuote, 'Pull quote', 'Pull quote', 'body-button-pull-quote'),
            (editor) => editor.chain().focus().togglePullQuote().run(),
            (editor) => editor.isActive('pullQuote'));
        item('factBox', 'insert', iconAndWords(buttons, ICONS.factBox, 'Fact box', 'Fact box', 'body-button-fact-box'),
            (editor) => editor.chain().focus().insertFactBox().run(),
            (editor) => editor.isActive('factBox'),
            (editor) => !editor.isActive('factBox'));
        if (chooser) {
            item('libraryPicture', 'insert', iconAndWords(buttons, ICONS.picture, 'Picture', 'Picture from the media library', 'body-button-picture'),
                (editor) => openChooser(editor, chooser),
                (editor) => editor.isActive('libraryPicture'),
                (editor) => !editor.isActive('factBox'));
        }
        item('embed', 'insert', iconAndWords(buttons, ICONS.embed, 'Embed', 'Embed a video or a post by its address', 'body-button-embed'),
            async (editor) => {
                const answer = await updateAttrsDialog(
                    {url: {type: 'string', title: 'Address of the video or post (YouTube, Vimeo, Instagram, X)'}},
                    {title: 'Embed', submitText: 'Embed'},
                )(editor, {url: ''});
                if (answer && answer.url && answer.url.trim()) {
                    editor.chain().focus().insertEmbed(answer.url.trim()).run();
                }
            },
            (editor) => editor.isActive('embed'),
            (editor) => !editor.isActive('factBox'));
        item('history:undo', 'history', buttons.svg(ICONS.undo, 'Undo'),
            (editor) => editor.commands.undo(), () => false, (editor) => editor.can().undo());
        item('history:redo', 'history', buttons.svg(ICONS.redo, 'Redo'),
            (editor) => editor.commands.redo(), () => false, (editor) => editor.can().redo());
        item('html', 'utility', words(buttons, 'HTML', 'Edit the HTML', 'body-button-html'),
            (editor) => editor.commands.editHTML());
    },
});

// A body only read and written back by the editor is kept as stored: the page sends the
// editor's first reading with the form, and the server keeps the stored body when what
// is sent reads the same (articles/editor.py, unchanged_body).
document.addEventListener('prose-editor:ready', (event) => {
    const {editor, textarea} = event.detail;
    const field = textarea.dataset.bodyAsStored;
    if (!field || !textarea.form || !editor) {
        return;
    }
    const opened = editor.getHTML();
    textarea.form.addEventListener('submit', () => {
        let input = textarea.form.querySelector(`input[name="${field}"]`);
        if (!input) {
            input = crel('input', {type: 'hidden', name: field});
            textarea.form.append(input);
        }
        input.value = opened;
    });
});
