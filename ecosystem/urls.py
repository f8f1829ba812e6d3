from django.urls import path

from ecosystem.views import organisations as views

app_name = "ecosystem"

urlpatterns = [
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
