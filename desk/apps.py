from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = "Desk"

    def ready(self):
        from articles.signals import step_taken, translations_out_of_date

        from .notices import on_step_taken, on_translations_out_of_date

        step_taken.connect(on_step_taken, dispatch_uid="desk-step-taken")
        translations_out_of_date.connect(
            on_translations_out_of_date, dispatch_uid="desk-translations-out-of-date"
        )
