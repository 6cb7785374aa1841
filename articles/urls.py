from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("section/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("contributor/<slug:slug>/", views.ContributorView.as_view(), name="contributor"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
