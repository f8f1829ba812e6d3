from django.urls import include, path

from ecosystem.views import details, directories, moderation, profiles
from ecosystem.views import organisations as views

app_name = "ecosystem"

organisation_patterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("new/", views.organisation_create, name="organisation_create"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("<slug:slug>/verify/", views.organisation_verify, name="organisation_verify"),
    path("<slug:slug>/join/", views.join_request_create, name="join_request_create"),
    path("<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path("<slug:slug>/members/invite/", views.invitation_create, name="invitation_create"),
    path("<slug:slug>/members/<int:membership_id>/remove/", views.membership_remove, name="membership_remove"),
    path("<slug:slug>/members/<int:membership_id>/role/", views.membership_role, name="membership_role"),
    path("<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("<slug:slug>/join-requests/<int:request_id>/", views.join_request_decide, name="join_request_decide"),
]

# Directories, detail pages and owners' forms of what the ecosystem offers and needs.
directory_patterns = [
    path("startups/", directories.startup_list, name="startup_list"),
    path("startups/<slug:slug>/", details.startup_detail, name="startup_detail"),
    path("startups/<slug:slug>/edit/", profiles.startup_profile_edit, name="startup_profile_edit"),
    path("capabilities/", directories.capability_list, name="capability_list"),
    path("capabilities/new/", profiles.capability_create, name="capability_create"),
    path("capabilities/<int:pk>/", details.capability_detail, name="capability_detail"),
    path("capabilities/<int:pk>/edit/", profiles.capability_edit, name="capability_edit"),
    path("mentors/", directories.mentor_list, name="mentor_list"),
    path("mentors/my-offer/", profiles.mentor_offer_edit, name="mentor_offer_edit"),
    path("mentors/my-offer/pause/", profiles.mentor_offer_pause, name="mentor_offer_pause"),
    path("mentors/<int:pk>/", details.mentor_detail, name="mentor_detail"),
    path("needs/", directories.need_list, name="need_list"),
    path("needs/new/", profiles.need_create, name="need_create"),
    path("needs/<int:pk>/", details.need_detail, name="need_detail"),
    path("needs/<int:pk>/edit/", profiles.need_edit, name="need_edit"),
    path("programs/", directories.program_list, name="program_list"),
    path("programs/<slug:slug>/", details.program_detail, name="program_detail"),
    path("moderation/<str:kind>/<int:pk>/hide/", moderation.content_hide, name="content_hide"),
    path("moderation/<str:kind>/<int:pk>/unhide/", moderation.content_unhide, name="content_unhide"),
]

# Mounted at the site root (config/urls.py), before Wagtail's pages.
urlpatterns = [
    path("organisations/", include(organisation_patterns)),
    *directory_patterns,
]
