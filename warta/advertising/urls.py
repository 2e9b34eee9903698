from django.urls import path

from warta.advertising import views

urlpatterns = [path("ads.txt", views.ads_txt, name="ads-txt")]
