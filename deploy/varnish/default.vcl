vcl 4.1;

# The edge cache in front of Newsroom (Varnish 7 with varnish-modules' xkey).
#
# Readers get the pages Django marks "public, s-maxage=…" from here, with their cookies
# stripped, since such a page is the same bytes for everyone. Staff (a session cookie),
# the admin, the comment endpoints and /health/ always go to Django. Django tells us which
# pages changed: each page carries the tags it shows in Surrogate-Key, kept here as xkeys,
# and every change sends "PURGE" with "xkey-purge: tag1 tag2" (PAGE_CACHE_PURGE=xkey,
# CDN_PURGE_URL=http://127.0.0.1:8080/).

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Fetch-First;
        unset req.http.X-Stale-If-Error;
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        # A hard purge: a changed page is never served again, not even while refetched.
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (and readers carrying a flash message) see pages of their own.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=" || req.http.Authorization) {
        return (pass);
    }
    # The admin, the comment endpoints (the form's token, posting, confirming) and the
    # health check are never kept.
    if (req.url ~ "^/(admin|comments|health)(/|$)" || req.url ~ "^/articles/[^/?]+/comments/") {
        return (pass);
    }
    # Everything else is the same for every reader: no cookie reaches Django, none
    # splits the cache; tracking parameters do not make pages of their own.
    unset req.http.Cookie;
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    set req.url = std.querysort(req.url);
    if (req.http.X-Stale-If-Error) {
        set req.grace = 365d;  # Django failed: the copy's own grace is the limit
    } elsif (req.http.X-Fetch-First) {
        set req.grace = 0s;  # a copy past stale-while-revalidate: ask Django (vcl_hit)
    }
    return (hash);
}

sub vcl_hit {
    # Past its stale-while-revalidate grace but within stale-if-error: ask Django first,
    # synchronously, and fall back to this copy only if Django fails.
    if (obj.ttl < 0s && !req.http.X-Stale-If-Error
        && obj.ttl + std.duration(obj.http.X-Stale-While-Revalidate + "s", 0s) < 0s) {
        set req.http.X-Fetch-First = "1";
        return (restart);
    }
    return (deliver);
}

sub vcl_backend_response {
    # A failed refresh keeps the copy in grace (stale-if-error, see vcl_synth).
    if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.X-Fetch-First)) {
        return (abandon);
    }
    # A page Django did not call shareable is not kept, and is not waited for.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || (!beresp.http.Cache-Control && !beresp.http.Expires)
        || beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 30s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # s-maxage is the TTL (Varnish reads it). Within stale-while-revalidate the old copy
    # is served while one request refreshes it; beyond it, within stale-if-error, Django
    # is asked first and the old copy served only when Django fails (vcl_hit, vcl_synth).
    set beresp.http.X-Stale-While-Revalidate = "0";
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.http.X-Stale-While-Revalidate = regsub(
            beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1");
    }
    set beresp.grace = std.duration(beresp.http.X-Stale-While-Revalidate + "s", 0s);
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(
            beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1") + "s", 0s);
    }
    if (beresp.grace < std.duration(beresp.http.X-Stale-While-Revalidate + "s", 0s)) {
        set beresp.grace = std.duration(beresp.http.X-Stale-While-Revalidate + "s", 0s);
    }
    return (deliver);
}

sub vcl_synth {
    # Django failed on a page we still hold past its grace: serve that copy.
    if (resp.status == 503 && req.http.X-Fetch-First && !req.http.X-Stale-If-Error
        && req.restarts < 2) {
        set req.http.X-Stale-If-Error = "1";
        return (restart);
    }
}

sub vcl_backend_error {
    if (bereq.http.X-Fetch-First) {
        return (abandon);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.X-Stale-While-Revalidate;
    unset resp.http.X-Varnish;
    unset resp.http.Via;
}
