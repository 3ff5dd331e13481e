/* Cercle: click-to-load video, seeking and following its time.
 *
 * Before a click, nothing is requested from the video host: the poster is a self-hosted
 * image inside a plain link to the video's own page (which is what happens without
 * JavaScript). A click on the poster, a chapter, a transcript time or a slide's "play from
 * here" builds the player (a titled iframe from data-cercle-embed, "{start}" replaced by
 * the seconds) or, for a video file, seeks the <video> element and plays it.
 *
 * Once built, the player is driven through its host's own postMessage protocol (no
 * third-party script): YouTube's IFrame API messages, Vimeo's player API, PeerTube's
 * jschannel embed API; a <video> directly. Its time is announced on `document` as a
 * "cercle:time" event ({detail: {time, playing}}) for cercle-replay.js; window.cercleVideo
 * offers seek(start) and startAt(start) (where the next play starts: #t= links).
 */
(function () {
  "use strict";

  var element = document.querySelector("[data-cercle-player]");
  if (!element) return;
  var pending = null; // where a file video starts when played (a #t= link)
  var remote = null; // the iframe's protocol, once built

  function announce(time, playing) {
    if (typeof time !== "number" || isNaN(time)) return;
    document.dispatchEvent(new CustomEvent("cercle:time", { detail: { time: time, playing: playing } }));
  }

  function parse(data) {
    if (typeof data !== "string") return data && typeof data === "object" ? data : null;
    try {
      return JSON.parse(data);
    } catch (error) {
      return null;
    }
  }

  // -- the hosts' protocols: hello(post) subscribes to the time, seek(post, t), read(message)
  // announces the time and returns true when the message carried it. --

  var protocols = {
    youtube: {
      query: function () {
        return "&origin=" + encodeURIComponent(location.origin);
      },
      hello: function (post) {
        post({ event: "listening", id: 1, channel: "widget" });
      },
      seek: function (post, start) {
        post({ event: "command", func: "seekTo", args: [start, true], id: 1, channel: "widget" });
        post({ event: "command", func: "playVideo", args: [], id: 1, channel: "widget" });
      },
      read: function (message, state) {
        var info = message.event === "infoDelivery" || message.event === "initialDelivery" ? message.info : null;
        if (!info) return false;
        if (typeof info.playerState === "number") state.playing = info.playerState === 1;
        if (typeof info.currentTime !== "number") return false;
        announce(info.currentTime, state.playing);
        return true;
      },
    },
    vimeo: {
      hello: function (post) {
        post({ method: "addEventListener", value: "timeupdate" });
        post({ method: "addEventListener", value: "play" });
        post({ method: "addEventListener", value: "pause" });
      },
      seek: function (post, start) {
        post({ method: "setCurrentTime", value: start });
        post({ method: "play" });
      },
      read: function (message, state) {
        if (message.event === "play" || message.event === "pause") state.playing = message.event === "play";
        if (message.event !== "timeupdate" || !message.data) return false;
        announce(message.data.seconds, state.playing !== false);
        return true;
      },
    },
    peertube: {
      hello: function (post) {
        post({ method: "peertube::__ready", params: "ping" });
      },
      seek: function (post, start) {
        post({ id: 1, method: "peertube::seek", params: start });
        post({ id: 2, method: "peertube::play" });
      },
      read: function (message, state, post) {
        if (message.method === "peertube::__ready" && message.params === "ping") {
          post({ method: "peertube::__ready", params: "pong" });
        }
        if (message.method !== "peertube::playbackStatusUpdate" || !message.params) return false;
        state.playing = message.params.playbackState === "playing";
        announce(message.params.position, state.playing);
        return true;
      },
    },
  };

  function connect(iframe, kind, origin) {
    var protocol = protocols[kind];
    if (!protocol) return null;
    var state = { playing: false, heard: false };
    var post = function (message) {
      if (iframe.contentWindow) iframe.contentWindow.postMessage(JSON.stringify(message), origin);
    };
    window.addEventListener("message", function (event) {
      if (event.source !== iframe.contentWindow || event.origin !== origin) return;
      var message = parse(event.data);
      if (message && protocol.read(message, state, post)) state.heard = true;
    });
    // Players start their own script at their own pace: say hello (subscribe to their time)
    // until their time arrives, as their own API libraries do.
    iframe.addEventListener("load", function () {
      var tries = 0;
      (function hello() {
        if (state.heard || tries++ > 40) return;
        protocol.hello(post);
        setTimeout(hello, 250);
      })();
    });
    return {
      seek: function (start) {
        protocol.seek(post, start);
      },
      query: protocol.query,
    };
  }

  function embed(frame, start) {
    var iframe = frame.querySelector("iframe");
    var kind = frame.getAttribute("data-cercle-kind") || "";
    var src = frame.getAttribute("data-cercle-embed").split("{start}").join(String(start));
    if (iframe) {
      // Focus stays where the reader is (a transcript line, a chapter).
      if (remote) remote.seek(start);
      else iframe.src = src;
      return;
    }
    var origin = new URL(src).origin;
    iframe = document.createElement("iframe");
    iframe.title = frame.getAttribute("data-cercle-title") || document.title;
    iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    remote = connect(iframe, kind, origin);
    if (remote && remote.query) {
      var hash = src.indexOf("#");
      var extra = remote.query();
      src = hash === -1 ? src + extra : src.slice(0, hash) + extra + src.slice(hash);
    }
    iframe.src = src;
    frame.textContent = "";
    frame.appendChild(iframe);
    frame.classList.add("is-loaded");
    iframe.focus();
  }

  function play(video, start) {
    var go = function () {
      video.currentTime = start;
      var playing = video.play();
      if (playing && playing.catch) playing.catch(function () {});
    };
    if (video.readyState >= 1) go();
    else {
      video.addEventListener("loadedmetadata", go, { once: true });
      video.preload = "metadata";
      video.load();
    }
  }

  if (element.tagName === "VIDEO") {
    element.addEventListener("timeupdate", function () {
      announce(element.currentTime, !element.paused);
    });
    element.addEventListener("play", function () {
      if (pending !== null && element.currentTime < 1) element.currentTime = pending;
      pending = null;
    });
  }

  function seek(start) {
    if (element.tagName === "VIDEO") play(element, start);
    else embed(element, start);
  }

  window.cercleVideo = {
    seek: seek,
    started: function () {
      if (element.tagName === "VIDEO") return element.played.length > 0 || !element.paused;
      return !!element.querySelector("iframe");
    },
    startAt: function (start) {
      pending = start;
      var poster = element.querySelector(".cercle-video__poster");
      if (poster) poster.setAttribute("data-cercle-start", String(start));
    },
  };

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // A transcript line's time is its #t=<seconds> link (no data-cercle-start: lighter pages).
    var link = event.target.closest
      ? event.target.closest('a[data-cercle-start], [data-cercle-transcript-lines] a[href^="#t="]')
      : null;
    if (!link) return;
    event.preventDefault();
    var start = link.getAttribute("data-cercle-start");
    seek(parseInt(start !== null ? start : link.getAttribute("href").slice(3), 10) || 0);
    if (!link.classList.contains("cercle-video__poster") && element.scrollIntoView) {
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
    }
  });
})();
