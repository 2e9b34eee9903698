from django.urls import path

from warta.replies import views

app_name = "replies"
urlpatterns = [
    path("hak-jawab/<int:article_id>/", views.reply_form, name="form"),
    path("hak-jawab/<int:article_id>/terima-kasih/", views.thanks, name="thanks"),
]
