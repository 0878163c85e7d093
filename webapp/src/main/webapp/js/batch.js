// Kontak progress of a background run (an administrator's run over all users, an import): asks the server every second
// how far it got (GET data-progress, JSON) and moves the <progress> bar and its text. When the run has ended it
// reloads the page, which then shows the run's summary. Without this script the page shows the state at each reload.
(function () {
    'use strict';

    var box = document.getElementById('batch-progress');
    if (!box || !window.fetch) {
        return;
    }
    var bar = document.getElementById('batch-bar');
    var status = document.getElementById('batch-status');
    var run = box.dataset.run;

    function poll() {
        fetch(box.dataset.progress, {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('progress ' + response.status);
                }
                return response.json();
            })
            .then(function (progress) {
                if (progress.id !== run || !progress.running) {
                    window.location.reload();
                    return;
                }
                bar.max = progress.total;
                bar.value = progress.done;
                status.textContent = progress.status;
                window.setTimeout(poll, 1000);
            })
            .catch(function () {
                window.setTimeout(poll, 5000); // signed out or offline: try again, more slowly
            });
    }

    window.setTimeout(poll, 1000);
}());
