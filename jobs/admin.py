from django.contrib import admin, messages
from django.utils.text import Truncator

from .failures import run_again
from .models import FailedTask, OutgoingMail
from .outbox import send_again


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["subject_short", "recipients", "status", "attempts", "created_at", "error"]
    list_filter = ["status", "created_at"]
    search_fields = ["subject", "about", "to"]
    actions = ["send_again"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in OutgoingMail._meta.fields]

    @admin.display(description="subject", ordering="subject")
    def subject_short(self, obj):
        return Truncator(obj.subject).chars(70)

    @admin.display(description="to")
    def recipients(self, obj):
        return ", ".join(obj.to)

    @admin.display(description="last error")
    def error(self, obj):
        return Truncator(obj.last_error).chars(80)

    @admin.action(description="Send again", permissions=["change"])
    def send_again(self, request, queryset):
        queued = send_again(queryset)
        messages.success(request, f"{queued} mail(s) queued to be sent again.")

    def has_add_permission(self, request):
        return False


@admin.register(FailedTask)
class FailedTaskAdmin(admin.ModelAdmin):
    list_display = ["task", "failed_at", "error_short", "run_again_at"]
    list_filter = ["task", ("run_again_at", admin.EmptyFieldListFilter)]
    actions = ["run_again"]
    readonly_fields = [field.name for field in FailedTask._meta.fields]

    @admin.display(description="error")
    def error_short(self, obj):
        return Truncator(obj.error).chars(100)

    @admin.action(description="Run again", permissions=["change"])
    def run_again(self, request, queryset):
        queued = run_again(queryset)
        messages.success(request, f"{queued} task(s) queued to run again.")

    def has_add_permission(self, request):
        return False
