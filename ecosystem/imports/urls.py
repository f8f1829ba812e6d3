from django.urls import path

from ecosystem.imports import views

app_name = "ecosystem_imports"

urlpatterns = [
    path("", views.ImportView.as_view(), name="index"),
    path("confirm/", views.ConfirmView.as_view(), name="confirm"),
    path("export/<slug:dataset>.<slug:file_format>", views.ExportView.as_view(), name="export"),
    path("columns/<slug:dataset>/", views.ColumnsView.as_view(), name="columns"),
]
