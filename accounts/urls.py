from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/", views.data_export, name="export"),
    path("delete/", views.delete_account, name="delete"),
]
