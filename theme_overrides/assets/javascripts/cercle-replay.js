/* Cercle: the replay page in step with its video (time from cercle-video.js, "cercle:time").
 *
 * - the transcript's cue being said is marked (aria-current) and kept in view inside its box
 *   (no animation under prefers-reduced-motion);
 * - the slides gallery follows `slides_at` (cercle-slides.js shows the slide);
 * - #t=12:30 or #t=750 in the address: the poster says where it starts, the click starts there;
 * - while it plays, "copy a link to this moment";
 * - captions: the language chooser of a file video;
 * - the start time, also in the reader's own time zone (Intl; nothing asked, nothing sent).
 * Without JavaScript all of it is text with times and #t= links to the transcript's cues.
 */
(function () {
  "use strict";

  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var section = document.querySelector(".cercle-video");
  var strings = {};
  try {
    strings = JSON.parse((section && section.getAttribute("data-cercle-strings")) || "{}");
  } catch (error) {
    strings = {};
  }

  function label(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return h ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s);
  }

  // "#t=12:30", "#t=1:02:03", "#t=750", "#t=750s" -> seconds; null when not a moment.
  function moment(hash) {
    var match = /^#t=(?:(\d+)s?|(?:(\d+):)?(\d{1,2}):(\d{2}))$/.exec(hash || "");
    if (!match) return null;
    if (match[1] !== undefined) return parseInt(match[1], 10);
    return parseInt(match[2] || "0", 10) * 3600 + parseInt(match[3], 10) * 60 + parseInt(match[4], 10);
  }

  // When an item starts: its data-cercle-at, else its id t=<seconds> (a transcript cue).
  function startOf(item) {
    var at = item.getAttribute("data-cercle-at");
    return parseFloat(at !== null ? at : item.id.slice(2));
  }

  // The last of `items` started at `time`, or -1.
  function current(items, time) {
    var found = -1;
    for (var i = 0; i < items.length; i++) {
      if (startOf(items[i]) <= time + 0.25) found = i;
    }
    return found;
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // -- the transcript ----------------------------------------------------------------------

  var lists = [];
  var lastTime = null;

  function collectLists() {
    lists = all("[data-cercle-transcript-lines]").map(function (list) {
      // A paragraph's cues: its spans with a start (the first span of a page without video
      // is the paragraph's time, which has none).
      var items = all(":scope > p > span[id], :scope > p > span[data-cercle-at]", list);
      return { list: list, items: items, at: -1 };
    });
  }
  collectLists();

  function keepInView(item) {
    var box = item.closest(".cercle-transcript__box");
    if (!box || !box.offsetParent || box.contains(document.activeElement)) return;
    // Where the cue's first line is in the box's text (an inline span: no offsetTop from the box).
    var top = item.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    top -= box.clientHeight / 3;
    if (box.scrollTo) box.scrollTo({ top: Math.max(0, top), behavior: still ? "auto" : "smooth" });
    else box.scrollTop = top;
  }

  function markLines(time) {
    lastTime = time;
    lists.forEach(function (entry) {
      var index = current(entry.items, time);
      if (index === entry.at) return;
      if (entry.at !== -1) entry.items[entry.at].removeAttribute("aria-current");
      entry.at = index;
      if (index === -1) return;
      entry.items[index].setAttribute("aria-current", "time");
      keepInView(entry.items[index]);
    });
  }

  // The paragraphs live on the entry's transcript page (<entry>/transcript/): fetched once, from
  // this site only, when the panel nears the screen, the video plays, a #t= link is followed,
  // the reader selects the link or opens another language. Its times link to "../#t=…".
  var transcript = document.querySelector("[data-cercle-transcript]");
  var transcriptStatus = transcript && transcript.querySelector("[data-cercle-transcript-status]");
  var boxes = all("[data-cercle-transcript-from]");
  var transcriptPage = null;

  function fetchTranscript(box) {
    if (!transcriptPage) {
      var url = new URL(box.getAttribute("data-cercle-transcript-from"), location.href);
      transcriptPage = fetch(url.href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (text) {
          return new DOMParser().parseFromString(text, "text/html");
        });
      transcriptPage.catch(function () {
        transcriptPage = null; // another try next time
      });
    }
    return transcriptPage;
  }

  function fill(box) {
    if (box.cercleFilled) return box.cercleFilled;
    box.setAttribute("aria-busy", "true");
    box.cercleFilled = fetchTranscript(box).then(
      function (page) {
        var part = box.getAttribute("data-cercle-transcript-part");
        var list = page.querySelector('[data-cercle-transcript-part="' + part + '"] [data-cercle-transcript-lines]');
        if (!list) throw new Error("no transcript");
        all(":scope > p > a:first-child", list).forEach(function (link) {
          link.setAttribute("href", link.getAttribute("href").replace(/^\.\.\//, ""));
        });
        // What has the focus below the box stays where it was on the screen (a keyboard
        // reader tabbing past the panel must not see the focus pushed out of view).
        var focused = document.activeElement;
        var below = focused && focused !== document.body && !box.contains(focused) &&
          box.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING;
        var top = below ? focused.getBoundingClientRect().top : 0;
        box.replaceChildren(document.importNode(list, true));
        if (below) window.scrollBy(0, focused.getBoundingClientRect().top - top);
        box.removeAttribute("aria-busy");
        collectLists();
        if (lastTime !== null) markLines(lastTime);
      },
      function () {
        box.removeAttribute("aria-busy");
        box.cercleFilled = null;
        if (transcriptStatus) transcriptStatus.textContent = transcript.getAttribute("data-failed") || "";
      }
    );
    return box.cercleFilled;
  }

  function fillShown() {
    boxes.forEach(function (box) {
      if (!box.closest("details")) fill(box);
    });
  }

  // On paper the transcript is printed whole (cercle-print.css): its text is loaded when
  // the page turns to print (Ctrl+P, or a print preview that switches the media).
  if (boxes.length) {
    window.addEventListener("beforeprint", fillShown);
    var printing = window.matchMedia && window.matchMedia("print");
    if (printing && printing.addEventListener) {
      printing.addEventListener("change", function (event) {
        if (event.matches) fillShown();
      });
    }
  }

  boxes.forEach(function (box) {
    var link = box.querySelector(".cercle-transcript__open a");
    if (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var details = box.closest("details");
        fill(box).then(function () {
          if (!box.cercleFilled) return;
          var first = box.querySelector("[data-cercle-transcript-lines] > p > a") || box;
          if (details) details.open = true;
          if (first === box) box.tabIndex = -1;
          first.focus();
        });
      });
    }
    var details = box.closest("details");
    if (details) {
      details.addEventListener("toggle", function () {
        if (details.open) fill(box);
      });
    } else if ("IntersectionObserver" in window) {
      var watch = new IntersectionObserver(
        function (seen) {
          if (!seen.some(function (e) { return e.isIntersecting; })) return;
          watch.disconnect();
          fill(box);
        },
        { rootMargin: "400px 0px" }
      );
      watch.observe(box);
    }
  });

  // -- slides, chapters --------------------------------------------------------------------

  var gallery = document.querySelector("[data-cercle-slides]");
  var thumbs = gallery ? all("a[data-cercle-at]", gallery) : [];
  var shownSlide = -1;

  function followSlides(time) {
    var index = current(thumbs, time);
    if (index === -1 || index === shownSlide) return;
    shownSlide = index;
    gallery.dispatchEvent(new CustomEvent("cercle:slide", { detail: { index: index } }));
  }

  var chapters = all(".cercle-chapters a[data-cercle-start]").map(function (link) {
    link.setAttribute("data-cercle-at", link.getAttribute("data-cercle-start"));
    return link;
  });
  var chapterAt = -1;

  function markChapter(time) {
    var index = current(chapters, time);
    if (index === chapterAt) return;
    if (chapterAt !== -1) chapters[chapterAt].removeAttribute("aria-current");
    chapterAt = index;
    if (index !== -1) chapters[index].setAttribute("aria-current", "time");
  }

  // -- a link to this moment ---------------------------------------------------------------

  var momentBox = document.querySelector("[data-cercle-moment]");
  var copyButton = momentBox && momentBox.querySelector("[data-cercle-moment-copy]");
  var copyStatus = momentBox && momentBox.querySelector("[data-cercle-moment-status]");
  var now = 0;

  function momentUrl() {
    return location.href.split("#")[0] + "#t=" + label(now);
  }

  function showMoment(time, playing) {
    if (!copyButton || !strings.copy) return;
    var whole = Math.floor(time);
    if (whole !== now) copyButton.textContent = strings.copy.replace("{at}", label(whole));
    now = whole;
    if (playing && momentBox.hidden) {
      copyButton.textContent = strings.copy.replace("{at}", label(whole));
      momentBox.hidden = false;
    }
  }

  if (copyButton) {
    copyButton.addEventListener("click", function () {
      var url = momentUrl();
      var done = function () {
        copyStatus.textContent = strings.copied.replace("{at}", label(now));
      };
      var failed = function () {
        copyStatus.textContent = strings.failed.replace("{url}", url);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, failed);
      else failed();
    });
  }

  document.addEventListener("cercle:time", function (event) {
    var time = event.detail.time;
    fillShown();
    markLines(time);
    markChapter(time);
    followSlides(time);
    showMoment(time, event.detail.playing);
  });

  // -- #t= deep links ----------------------------------------------------------------------

  function startAt(seconds, fromLoad) {
    if (!window.cercleVideo) return;
    if (window.cercleVideo.started() && !fromLoad) {
      window.cercleVideo.seek(seconds); // the reader followed a #t= link: go there
      return;
    }
    window.cercleVideo.startAt(seconds);
    fillShown();
    var at = document.querySelector("[data-cercle-poster-at]");
    if (at && strings.starts) at.textContent = strings.starts.replace("{at}", label(seconds));
    markLines(seconds);
    markChapter(seconds);
    followSlides(seconds);
    if (fromLoad && section && section.scrollIntoView) section.scrollIntoView({ block: "start" });
  }

  var first = moment(location.hash);
  if (first !== null) startAt(first, true);
  window.addEventListener("hashchange", function () {
    var seconds = moment(location.hash);
    if (seconds !== null) startAt(seconds, false);
  });

  // -- captions ----------------------------------------------------------------------------

  var chooser = document.querySelector("[data-cercle-captions]");
  var video = document.querySelector("video[data-cercle-player]");
  if (chooser && video && video.textTracks) {
    chooser.hidden = false;
    chooser.querySelector("select").addEventListener("change", function (event) {
      var lang = event.target.value;
      Array.prototype.forEach.call(video.textTracks, function (track) {
        track.mode = lang && track.language === lang ? "showing" : "disabled";
      });
    });
  }

  // -- the reader's own time zone ----------------------------------------------------------

  all("[data-cercle-localtime]").forEach(function (span) {
    var iso = span.getAttribute("data-cercle-localtime");
    var date = new Date(iso);
    var offset = /([+-])(\d{2}):(\d{2})$/.exec(iso);
    if (isNaN(date.getTime()) || !offset || !window.Intl) return;
    var eventOffset = (offset[1] === "-" ? -1 : 1) * (parseInt(offset[2], 10) * 60 + parseInt(offset[3], 10));
    if (-date.getTimezoneOffset() === eventOffset) return; // the reader is in the event's zone
    var lang = document.documentElement.lang || undefined;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    var text = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(date);
    span.textContent = span.getAttribute("data-cercle-template").replace("{time}", text).replace("{zone}", zone);
    span.hidden = false;
  });
})();
