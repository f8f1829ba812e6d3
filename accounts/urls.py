from django.urls import path

from accounts import views, views_mfa

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("welcome/", views.welcome, name="welcome"),
    path("export/", views.data_export, name="export"),
    path("export/zip/", views.data_export_zip, name="export_zip"),
    path("delete/", views.delete_account, name="delete"),
    path("two-factor/continue/", views_mfa.continue_after_activation, name="continue_after_mfa"),
]
