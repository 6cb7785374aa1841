from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: a migration must not change when the code does.
# style name: {role: (label, separator, other labels read as this role)}, in line order.
PHRASES = {
    "English wire": [
        ("reporting", "Reporting by", "; ", "Reporting | Reported by | Report by"),
        ("additional_reporting", "Additional reporting by", "; ", ""),
        ("writing", "Writing by", "; ", "Written by"),
        ("compiling", "Compiling by", "; ", "Compiled by"),
        ("translation", "{language} version by", "; ", ""),
        ("editing", "Editing by", "; ", "Edited by"),
        ("fact_checking", "Fact-checking by", "; ", "Fact-checked by | Fact check by"),
        ("photography", "Photos by", "; ", "Photo by | Photography by | Photographs by"),
        ("video", "Video by", "; ", ""),
        ("graphics", "Graphics by", "; ", "Graphic by | Graphics"),
    ],
    "English wire, translated": [
        ("reporting", "Report", "; ", ""),
        ("additional_reporting", "Additional reporting", "; ", ""),
        ("writing", "Writing", "; ", ""),
        ("compiling", "Compiling", "; ", ""),
        ("translation", "{language} version", "; ", ""),
        ("editing", "edited by", ", ", ""),
        ("fact_checking", "Fact-checking", "; ", ""),
        ("photography", "Photos", "; ", ""),
        ("video", "Video", "; ", ""),
        ("graphics", "Graphics", "; ", ""),
    ],
    "Dépêche française": [
        ("reporting", "Reportage", "; ", "Reportage de | Reportage par"),
        ("additional_reporting", "Avec", "; ", "Avec la contribution de"),
        ("writing", "Rédigé par", "; ", "Rédaction | Écrit par"),
        ("compiling", "Compilé par", "; ", "Compilation"),
        ("translation", "version {language}", "; ", "traduction {language}"),
        ("editing", "édité par", ", ", "Edité par | Édition"),
        ("fact_checking", "Vérification", "; ", "Vérifié par"),
        ("photography", "Photos", "; ", "Photo | Photos de | Photo de"),
        ("video", "Vidéo", "; ", "Vidéo de"),
        ("graphics", "Infographie", "; ", "Infographie de | Graphiques"),
    ],
}
WORDS = {
    "English wire": {"with_word": "with", "byline_label": "By", "photo_label": "Photo:"},
    "English wire, translated": {
        "with_word": "with",
        "byline_label": "By",
        "photo_label": "Photo:",
    },
    "Dépêche française": {"with_word": "avec", "byline_label": "Par", "photo_label": "Photo :"},
}
# The roles 0002 created, in its order: a style still in that order is renumbered.
FIRST_ORDER = [
    "reporting",
    "additional_reporting",
    "writing",
    "translation",
    "editing",
    "photography",
]

PLACE_PERMISSIONS = {
    "Reporters": ["view_place"],
    "Translators": ["view_place"],
    "Editors": ["view_place", "add_place", "change_place", "delete_place"],
}

# Common wire datelines: name, then other languages' names where they differ.
PLACES = [
    ("Amsterdam", {}),
    ("Ankara", {}),
    ("Athens", {"fr": "Athènes", "de": "Athen", "es": "Atenas", "it": "Atene"}),
    ("Bangkok", {}),
    ("Beijing", {"fr": "Pékin", "de": "Peking", "es": "Pekín", "it": "Pechino"}),
    ("Beirut", {"fr": "Beyrouth", "es": "Beirut"}),
    ("Berlin", {"es": "Berlín", "it": "Berlino"}),
    ("Bogota", {"fr": "Bogota", "es": "Bogotá"}),
    ("Brussels", {"fr": "Bruxelles", "de": "Brüssel", "es": "Bruselas", "it": "Bruxelles"}),
    ("Bucharest", {"fr": "Bucarest", "de": "Bukarest"}),
    ("Budapest", {}),
    ("Buenos Aires", {}),
    ("Copenhagen", {"fr": "Copenhague", "de": "Kopenhagen", "nb": "København"}),
    ("Dakar", {}),
    ("Damascus", {"fr": "Damas", "de": "Damaskus", "es": "Damasco"}),
    ("Dubai", {"fr": "Dubaï"}),
    ("Dublin", {}),
    ("Frankfurt", {"fr": "Francfort"}),
    ("Geneva", {"fr": "Genève", "de": "Genf", "es": "Ginebra", "it": "Ginevra"}),
    ("Gaza", {}),
    ("Helsinki", {}),
    ("Hong Kong", {"fr": "Hong Kong"}),
    ("Istanbul", {}),
    ("Jakarta", {"fr": "Jakarta"}),
    ("Jerusalem", {"fr": "Jérusalem", "es": "Jerusalén", "it": "Gerusalemme"}),
    ("Johannesburg", {}),
    ("Kharkiv", {"fr": "Kharkiv"}),
    ("Kyiv", {"fr": "Kiev", "de": "Kiew", "es": "Kiev", "it": "Kiev", "uk": "Київ"}),
    ("Lagos", {}),
    ("Lisbon", {"fr": "Lisbonne", "de": "Lissabon", "es": "Lisboa", "pt": "Lisboa"}),
    ("London", {"fr": "Londres", "es": "Londres", "it": "Londra", "pt": "Londres"}),
    ("Lviv", {"fr": "Lviv"}),
    ("Madrid", {}),
    ("Manila", {"fr": "Manille"}),
    ("Mexico City", {"fr": "Mexico", "es": "Ciudad de México"}),
    ("Milan", {"it": "Milano", "de": "Mailand"}),
    ("Minsk", {}),
    ("Moscow", {"fr": "Moscou", "de": "Moskau", "es": "Moscú", "it": "Mosca", "ru": "Москва"}),
    ("Mumbai", {"fr": "Bombay"}),
    ("Nairobi", {}),
    ("New Delhi", {"fr": "New Delhi"}),
    ("New York", {}),
    ("Odesa", {"fr": "Odessa", "de": "Odessa", "es": "Odesa"}),
    ("Oslo", {}),
    ("Ottawa", {}),
    ("Paris", {"es": "París", "it": "Parigi"}),
    ("Prague", {"de": "Prag", "es": "Praga", "it": "Praga"}),
    ("Rabat", {}),
    ("Riyadh", {"fr": "Ryad", "es": "Riad"}),
    ("Rome", {"de": "Rom", "es": "Roma", "it": "Roma"}),
    ("Rotterdam", {}),
    ("Sao Paulo", {"fr": "São Paulo", "pt": "São Paulo"}),
    ("Seoul", {"fr": "Séoul", "es": "Seúl"}),
    ("Singapore", {"fr": "Singapour", "es": "Singapur"}),
    ("Stockholm", {"es": "Estocolmo", "it": "Stoccolma"}),
    ("Sydney", {}),
    ("Taipei", {"fr": "Taipei"}),
    ("Tbilisi", {"fr": "Tbilissi"}),
    ("Tehran", {"fr": "Téhéran", "de": "Teheran", "es": "Teherán"}),
    ("The Hague", {"fr": "La Haye", "de": "Den Haag", "es": "La Haya"}),
    ("Tokyo", {"es": "Tokio", "de": "Tokio"}),
    ("Tunis", {"es": "Túnez"}),
    ("Vienna", {"fr": "Vienne", "de": "Wien", "es": "Viena", "it": "Vienna"}),
    ("Vilnius", {}),
    ("Warsaw", {"fr": "Varsovie", "de": "Warschau", "es": "Varsovia", "it": "Varsavia"}),
    ("Washington", {}),
    ("Zurich", {"de": "Zürich"}),
]


def add_roles_labels_and_places(apps, schema_editor):
    CreditStyle = apps.get_model("articles", "CreditStyle")
    CreditPhrase = apps.get_model("articles", "CreditPhrase")
    for name, phrases in PHRASES.items():
        style = CreditStyle.objects.filter(name=name).first()
        if style is None:
            continue
        for field, value in WORDS[name].items():
            setattr(style, field, value)
        style.save()
        existing = {p.role: p for p in CreditPhrase.objects.filter(style=style)}
        untouched = [
            p.role for p in sorted(existing.values(), key=lambda p: (p.position, p.pk))
        ] == FIRST_ORDER
        last = max((p.position for p in existing.values()), default=-1)
        for position, (role, label, separator, also) in enumerate(phrases):
            phrase = existing.get(role)
            if phrase is None:
                last += 1
                CreditPhrase.objects.create(
                    style=style,
                    role=role,
                    label=label,
                    separator=separator,
                    also_reads=also,
                    position=position if untouched else last,
                )
                continue
            if phrase.label == label and not phrase.also_reads:
                phrase.also_reads = also
            if untouched:
                phrase.position = position
            phrase.save()
    Place = apps.get_model("articles", "Place")
    for name, names in PLACES:
        Place.objects.get_or_create(name=name, defaults={"names": names})

    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in PLACE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_credit_grammar_places_and_checks"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_roles_labels_and_places, migrations.RunPython.noop),
    ]
