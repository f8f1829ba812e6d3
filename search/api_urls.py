"""The search JSON API (/api/search/): one address for every language, chosen with ?lang=vi|en."""

from django.urls import path

from search import views

app_name = "search_api"

urlpatterns = [
    path("", views.search_api, name="search"),
    path("suggest/", views.suggest_api, name="suggest"),
]
