from django.urls import path

from warta.archive import views

app_name = "archive"
urlpatterns = [path("indeks/", views.news_index, name="index")]
