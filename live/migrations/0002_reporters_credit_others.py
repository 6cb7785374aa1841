"""Who a post may credit: by default a reporter posting credits only themselves; an editor
can let reporters credit any contributor on a story's live coverage."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="livecoverage",
            name="others_may_be_credited",
            field=models.BooleanField(
                default=False,
                help_text="Reporters and translators posting may credit any contributor, not only themselves. Editors always may.",
                verbose_name="reporters may credit others",
            ),
        ),
    ]
