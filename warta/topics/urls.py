from django.urls import path

from warta.topics import views

app_name = "topics"
urlpatterns = [path("tag/<str:slug>/", views.tag_page, name="tag")]
