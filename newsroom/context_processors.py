from django.conf import settings


def site(request):
    return {"site_name": settings.NEWSROOM_NAME, "site_logo": settings.NEWSROOM_LOGO}
