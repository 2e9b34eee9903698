from django.urls import path

from warta.analytics import views

app_name = "analytics"
urlpatterns = [
    path("baca/<int:article_id>/", views.read_beacon, name="read"),
]
