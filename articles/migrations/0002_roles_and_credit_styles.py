from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: a migration must not change when the code does.
ARTICLE_BASICS = [
    "articles.view_article",
    "articles.add_article",
    "articles.change_article",
    "articles.view_credit",
    "articles.add_credit",
    "articles.change_credit",
    "articles.delete_credit",
    "articles.view_contributor",
    "articles.add_contributor",
    "articles.view_section",
    "articles.view_creditstyle",
]
ROLE_PERMISSIONS = {
    "Reporters": ARTICLE_BASICS,
    "Translators": ARTICLE_BASICS + ["articles.translate_article"],
    "Editors": ARTICLE_BASICS
    + [
        "articles.delete_article",
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.translate_article",
        "articles.view_correction",
        "articles.add_correction",
        "articles.change_correction",
        "articles.delete_correction",
        "articles.view_transition",
        "articles.change_contributor",
        "auth.view_user",  # to link a contributor to a staff account
        "articles.add_section",
        "articles.change_section",
        "articles.add_creditstyle",
        "articles.change_creditstyle",
        "articles.delete_creditstyle",
        "articles.view_creditphrase",
        "articles.add_creditphrase",
        "articles.change_creditphrase",
        "articles.delete_creditphrase",
    ],
    # Comment permissions are given by the comments app's own migration.
    "Moderators": [],
}

# role, label, separator
STYLES = [
    {
        "name": "English wire",
        "language": "en",
        "for_translations": False,
        "conjunction": "and",
        "place_preposition": "in",
        "language_names": {},
        "phrases": [
            ("reporting", "Reporting by", "; "),
            ("additional_reporting", "Additional reporting by", "; "),
            ("writing", "Writing by", "; "),
            ("translation", "{language} version by", "; "),
            ("editing", "Editing by", "; "),
            ("photography", "Photos by", "; "),
        ],
    },
    {
        "name": "English wire, translated",
        "language": "en",
        "for_translations": True,
        "conjunction": "and",
        "place_preposition": "in",
        "language_names": {},
        "phrases": [
            ("reporting", "Report", "; "),
            ("additional_reporting", "Additional reporting", "; "),
            ("writing", "Writing", "; "),
            ("translation", "{language} version", "; "),
            ("editing", "edited by", ", "),
            ("photography", "Photos", "; "),
        ],
    },
    {
        "name": "Dépêche française",
        "language": "fr",
        "for_translations": False,
        "conjunction": "et",
        "place_preposition": "à",
        "language_names": {
            "en": "anglaise",
            "fr": "française",
            "de": "allemande",
            "es": "espagnole",
            "it": "italienne",
            "pt": "portugaise",
            "nb": "norvégienne",
            "ru": "russe",
            "uk": "ukrainienne",
        },
        "phrases": [
            ("reporting", "Reportage", "; "),
            ("additional_reporting", "Avec", "; "),
            ("writing", "Rédigé par", "; "),
            ("translation", "version {language}", "; "),
            ("editing", "édité par", ", "),
            ("photography", "Photos", "; "),
        ],
    },
]


def create_roles_and_styles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )

    CreditStyle = apps.get_model("articles", "CreditStyle")
    CreditPhrase = apps.get_model("articles", "CreditPhrase")
    for data in STYLES:
        data = dict(data)
        phrases = data.pop("phrases")
        style, created = CreditStyle.objects.get_or_create(name=data["name"], defaults=data)
        if created:
            for position, (role, label, separator) in enumerate(phrases):
                CreditPhrase.objects.create(
                    style=style, role=role, label=label, separator=separator, position=position
                )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles_and_styles, migrations.RunPython.noop)]
