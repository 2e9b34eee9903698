from django.urls import path

from warta.articles import views

app_name = "articles"
urlpatterns = [path("ralat/", views.corrections_index, name="corrections")]
