from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("articles/<slug:slug>/comments/", views.PostCommentView.as_view(), name="post"),
    path("comments/<int:pk>/report/", views.ReportCommentView.as_view(), name="report"),
    path("comments/form/<int:article_pk>/", views.form_values, name="form-values"),
    path("comments/confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
]
