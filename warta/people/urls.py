from django.urls import path

from warta.people import views

app_name = "people"
urlpatterns = [path("penulis/<slug:slug>/", views.person_page, name="person")]
