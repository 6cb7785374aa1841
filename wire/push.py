"""
The push address: an agency posts a ninjs item (or wire copy) to ``/wire/push/<slug>/``
with ``Authorization: Bearer <its token>``. Without the right token: 403 and nothing kept.
With it: imported as a file dropped into the inbox is, and answered 202 with the address
of the inbox row that says what became of it; a document wrapping several items is
answered with the first item's row, and each item's row under "items".
"""

from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .forms import MAX_STORY_BYTES
from .inbox import receive
from .models import WireAgency


def _bearer(request):
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@csrf_exempt  # agencies are not browsers: their token, not a cookie, says who they are
@require_POST
def push(request, agency):
    found = WireAgency.objects.filter(slug=agency).first()
    token = _bearer(request)
    if not (found and token and found.accepts(token)):
        return JsonResponse({"error": "Unknown agency or wrong token."}, status=403)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    too_large = {"error": f"At most {MAX_STORY_BYTES:,} bytes a story."}
    if declared > MAX_STORY_BYTES:
        return JsonResponse(too_large, status=413)
    data = request.read(MAX_STORY_BYTES + 1)
    if len(data) > MAX_STORY_BYTES:
        return JsonResponse(too_large, status=413)
    if not data.strip():
        return JsonResponse({"error": "Nothing was sent."}, status=400)
    suffix = ".json" if data.lstrip()[:1] == b"{" else ".txt"
    rows = receive(data, f"{found.slug}-{timezone.now():%Y%m%d-%H%M%S-%f}{suffix}")
    if rows is None:
        return JsonResponse({"error": "The wire inbox is off here."}, status=503)
    said = [
        {
            "row": request.build_absolute_uri(
                reverse("admin:wire_inboxfile_change", args=[row.pk])
            ),
            "outcome": row.outcome,
            "reason": row.reason,
        }
        for row in rows
    ]
    answer = {**said[0], "items": said} if len(said) > 1 else said[0]
    return JsonResponse(answer, status=202, headers={"Location": said[0]["row"]})
