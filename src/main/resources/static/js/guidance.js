// In-app guidance (programme module): the help panel of the page and its guided tour.
// Included once by the layout for signed-in people. Asks /programme/guidance/page (in the
// person's session: the /api/v1 twin takes API credentials) for the page's help text and
// tours; loads the vendored driver.js only when a tour is to run. A step whose target
// element is not on the page is skipped and reported, so the programme lead sees it.
// A Help button, no keyboard shortcut: "?" already opens the shortcuts of list pages.
// The same answer carries the person's current programme banner, shown as a dismissible
// strip at the top of the main content; closing it records it read (following its link
// records the read too, through the message's read link).
(function () {
  'use strict';

  var script = document.currentScript;
  var base = script ? script.src.replace(/\/js\/guidance\.js(\?.*)?$/, '') : '';
  var path = window.location.pathname;

  function headers(json) {
    var h = { 'Accept': 'application/json' };
    if (json) {
      h['Content-Type'] = 'application/json';
    }
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      h[header.content] = token.content;
    }
    return h;
  }

  function getJson(url) {
    return fetch(base + url, { headers: headers(false), credentials: 'same-origin' }).then(function (response) {
      return (response.status === 200) ? response.json() : null;
    });
  }

  function post(url, body) {
    return fetch(base + url, { method: 'POST', headers: headers(true), credentials: 'same-origin', keepalive: true,
      body: JSON.stringify(body || {}) }).catch(function () { /* recording is best effort */ });
  }

  function escapeHtml(text) {
    var div = document.createElement('div');
    div.textContent = text || '';
    return div.innerHTML;
  }

  function showHelp(help) {
    var panel = document.createElement('div');
    panel.className = 'offcanvas offcanvas-end';
    panel.id = 'bw-help-panel';
    panel.tabIndex = -1;
    panel.setAttribute('aria-labelledby', 'bw-help-title');
    panel.innerHTML = '<div class="offcanvas-header"><h2 class="offcanvas-title h5" id="bw-help-title">Help on this page</h2>'
      + '<button type="button" class="btn-close" data-bs-dismiss="offcanvas" aria-label="Close"></button></div>'
      + '<div class="offcanvas-body"></div>';
    var body = panel.querySelector(".offcanvas-body");
    body.style.whiteSpace = "pre-wrap";
    body.textContent = help.text;
    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'bw-help-button';
    button.className = 'btn btn-sm btn-light border shadow-sm position-fixed bottom-0 end-0 m-3';
    button.style.zIndex = '1030';
    button.setAttribute('data-bs-toggle', 'offcanvas');
    button.setAttribute('data-bs-target', '#bw-help-panel');
    button.setAttribute('aria-controls', 'bw-help-panel');
    button.innerHTML = '<i class="bi bi-question-circle" aria-hidden="true"></i> Help';
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }

  function showBanner(banner) {
    var main = document.getElementById('main');
    if (!main || document.getElementById('bw-banner')) {
      return;
    }
    var strip = document.createElement('div');
    strip.id = 'bw-banner';
    strip.className = 'alert alert-info alert-dismissible fade show d-flex align-items-start gap-2';
    strip.setAttribute('role', 'status');
    strip.setAttribute('data-message-id', banner.messageId);
    strip.innerHTML = '<i class="bi bi-megaphone flex-shrink-0 mt-1" aria-hidden="true"></i>'
      + '<div class="flex-grow-1 text-break"><strong class="bw-banner-title"></strong> '
      + '<span class="bw-banner-body"></span> <span class="text-body-secondary bw-banner-sender"></span> '
      + '<a class="alert-link text-nowrap bw-banner-link"></a></div>'
      + '<button type="button" class="btn-close" data-bs-dismiss="alert" aria-label="Dismiss this message"></button>';
    strip.querySelector('.bw-banner-title').textContent = banner.title;
    strip.querySelector('.bw-banner-body').textContent = banner.body;
    strip.querySelector('.bw-banner-sender').textContent = '— ' + banner.senderName;
    var link = strip.querySelector('.bw-banner-link');
    link.href = base + banner.link;
    link.textContent = banner.shortened ? 'Read more' : 'Open the message';
    var recorded = false;
    strip.addEventListener('close.bs.alert', function () {
      if (!recorded) {
        recorded = true;
        post('/programme/guidance/banner/' + encodeURIComponent(banner.messageId) + '/dismissed');
      }
    });
    main.insertBefore(strip, main.firstChild);
  }

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function present(selector) {
    try {
      return document.querySelector(selector);
    }
    catch (e) {
      return null; // not a valid selector: as good as missing
    }
  }

  function runTour(tour) {
    var steps = [];
    var positions = [];
    tour.steps.forEach(function (step) {
      if (present(step.selector)) {
        steps.push({ element: step.selector,
          popover: { title: escapeHtml(step.title), description: escapeHtml(step.text) } });
        positions.push(step.position);
      }
      else {
        post('/programme/guidance/tours/' + tour.id + '/missing-targets', { step: step.position, path: path });
      }
    });
    if (steps.length === 0) {
      return;
    }
    var vendor = base + '/vendor/driver.js/';
    Promise.all([load('link', { rel: 'stylesheet', href: vendor + 'driver.css' }),
      load('script', { src: vendor + 'driver.js.iife.js' })]).then(function () {
      var finished = false;
      var guide = window.driver.js.driver({
        showProgress: steps.length > 1,
        steps: steps,
        onDestroyStarted: function () {
          if (!finished) {
            finished = true;
            var index = guide.getActiveIndex();
            var reached = (index === undefined || index === null) ? 0 : positions[index];
            // going on from the last step (its Done button) completes the tour; closing earlier dismisses it
            var completed = guide.isLastStep();
            post('/programme/guidance/tours/' + tour.id + (completed ? '/completed' : '/dismissed'),
              { stepReached: completed ? tour.steps.length : reached });
            document.body.setAttribute('data-tour-' + (completed ? 'completed' : 'dismissed'), tour.id);
          }
          guide.destroy();
        }
      });
      post('/programme/guidance/tours/' + tour.id + '/shown');
      document.body.setAttribute('data-tour-started', tour.id);
      guide.drive();
    });
  }

  function start() {
    getJson('/programme/guidance/page?path=' + encodeURIComponent(path)).then(function (guidance) {
      if (!guidance) {
        return;
      }
      if (guidance.banner) {
        showBanner(guidance.banner);
      }
      if (guidance.help) {
        showHelp({ text: guidance.help });
      }
      if (guidance.tours && guidance.tours.length > 0) {
        runTour(guidance.tours[0]); // one tour at a time; the next one runs on a later visit
      }
    }).catch(function () { /* no guidance */ });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
})();
