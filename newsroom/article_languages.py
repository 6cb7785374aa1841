"""
The languages an article can be written in: wider than the interface's (settings.LANGUAGES).

A page of a story in a language the interface does not speak is labelled in the story's
language and falls back to the interface's default for its own words. Changing this
list changes the choices of the language fields: it needs a migration.
"""

ARTICLE_LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nb", "Norwegian Bokmål"),
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    # Languages the wire brings (NTB, TT, Ritzau, STT, ANP, PAP, Xinhua, Kyodo): a story in
    # one is labelled as what it is; pages in it fall back to the interface's English.
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("fi", "Finnish"),
    ("nn", "Norwegian Nynorsk"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("zh", "Chinese"),
    ("ja", "Japanese"),
    ("ar", "Arabic"),
]
