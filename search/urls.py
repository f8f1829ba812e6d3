"""The search page and saved searches, under the language prefix (/search/, /en/search/)."""

from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("saved/", views.saved_search_list, name="saved_search_list"),
    path("saved/new/", views.saved_search_create, name="saved_search_create"),
    path("saved/<int:pk>/alert/", views.saved_search_alert, name="saved_search_alert"),
    path("saved/<int:pk>/delete/", views.saved_search_delete, name="saved_search_delete"),
]
