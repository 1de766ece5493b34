import hashlib
import logging

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "class": "form-control", "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"class": "form-control", "autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, writing through the service so that the change is in the audit trail."""

    template_name = "registration/password_change_form.html"

    def form_valid(self, form):
        from django.contrib.auth import update_session_auth_hash
        from django.http import HttpResponseRedirect

        from legalaid.core.services import user_set_password

        user_set_password(actor=self.request.user, user=form.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)
        return HttpResponseRedirect(self.get_success_url())


# --- Self-service password reset by e-mail (docs/security.md) ------------------------------------------------------

logger = logging.getLogger("legalaid.security")


def _under_limit(key: str, limit: int, window: int = 60 * 60) -> bool:
    """Count one more event under ``key`` in the cache (a window of an hour from the first); False past ``limit``."""
    from django.core.cache import cache

    if cache.add(key, 1, window):
        return limit >= 1
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return True


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, whose e-mail goes through the task queue (after commit) and leaves an audit row.

    Nothing on the page says whether the address belongs to an account (Django's view answers the same "sent" page
    either way); inactive accounts and accounts without a usable password get no e-mail."""

    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "class": "form-control", "autofocus": True}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from django.template import loader

        from legalaid.core.services import password_reset_mail_sent
        from legalaid.core.tasks import notify_after_commit

        if not _under_limit(f"password-reset:user:{context['user'].pk}", settings.PASSWORD_RESET_MAILS_PER_USER):
            logger.warning("password reset: e-mail limit reached for user id %s; nothing sent", context["user"].pk)
            return
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        password_reset_mail_sent(user=context["user"])
        notify_after_commit(to=to_email, subject=subject, body=body)


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        from urllib.parse import urlsplit

        from django.http import HttpResponseRedirect

        from legalaid.core.middleware import client_ip

        # Many requests from one address: the same "sent" page, and nothing sent (no enumeration either way).
        address = hashlib.sha256((client_ip(self.request) or "").encode()).hexdigest()[:32]
        if not _under_limit(f"password-reset:ip:{address}", settings.PASSWORD_RESET_REQUESTS_PER_ADDRESS):
            logger.warning("password reset: request limit reached for an address; nothing sent")
            return HttpResponseRedirect(self.get_success_url())

        # Links in the e-mail point at the configured address of the site when there is one, not at whatever Host
        # the request named.
        if settings.SITE_URL:
            site = urlsplit(settings.SITE_URL)
            self.extra_email_context = {"protocol": site.scheme or "https", "domain": site.netloc}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "registration/password_reset_confirm.html"

    def form_valid(self, form):
        from django.contrib.auth import views as django_auth_views
        from django.http import HttpResponseRedirect

        from legalaid.core.services import password_reset_by_email

        password_reset_by_email(user=form.user, password=form.cleaned_data["new_password1"])
        del self.request.session[django_auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())
