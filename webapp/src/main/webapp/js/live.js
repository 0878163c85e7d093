// Kontak live updates: tells a contact page or the contact list, without a reload, that what it shows changed
// elsewhere (another tab, a team member). The server sends nothing but the user's cache_version
// (/contacts/events); this page then asks whether its own content is still current. Every text comes from the
// page's data- attributes (messages.properties), none is written here.
(function () {
    'use strict';

    var banner = document.getElementById('live');
    if (!banner || !window.EventSource || !window.fetch) {
        return;
    }
    var data = banner.dataset;
    var shownVersion = Number(data.cacheVersion);
    var contactVersion = data.version === undefined ? null : Number(data.version);
    var events = new EventSource(data.events);
    var checking = Promise.resolve();

    function show(message, linkText, href) {
        banner.textContent = message + ' ';
        var link = document.createElement('a');
        link.textContent = linkText;
        link.href = href;
        banner.appendChild(link);
        banner.hidden = false;
    }

    function contactGone() {
        events.close();
        show(data.gone, data.back, data.backHref);
    }

    // A contact page: changed only if the contact's own version moved, gone if the user may no longer see it.
    function checkContact() {
        return fetch(data.state, {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('state ' + response.status);
                }
                return response.json();
            })
            .then(function (state) {
                if (!state.available) {
                    contactGone();
                } else if (state.version !== contactVersion) {
                    show(data.changed, data.reload, window.location.href);
                }
            })
            .catch(function () {
                // signed out or offline: the next event asks again
            });
    }

    events.addEventListener('metadata', function (event) {
        var cacheVersion = JSON.parse(event.data).cacheVersion;
        if (cacheVersion === shownVersion) {
            return;
        }
        if (contactVersion === null) {
            events.close();
            show(data.changed, data.reload, window.location.href);
            return;
        }
        checking = checking.then(checkContact);
    });
}());
