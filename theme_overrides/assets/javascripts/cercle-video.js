/* Cercle: click-to-load video and chapters.
 *
 * Before a click, nothing is requested from the video host: the poster is a self-hosted
 * image inside a plain link to the video's own page (which is what happens without
 * JavaScript). A click on the poster, a chapter or a transcript time builds the player
 * (a titled iframe from data-cercle-embed, "{start}" replaced by the seconds) or, for a
 * video file, seeks the <video> element and plays it.
 */
(function () {
  "use strict";

  function embed(frame, start) {
    var src = frame.getAttribute("data-cercle-embed").split("{start}").join(String(start));
    var iframe = frame.querySelector("iframe");
    if (!iframe) {
      iframe = document.createElement("iframe");
      iframe.title = frame.getAttribute("data-cercle-title") || document.title;
      iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
      iframe.setAttribute("allowfullscreen", "");
      iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      iframe.src = src;
      frame.textContent = "";
      frame.appendChild(iframe);
      frame.classList.add("is-loaded");
    } else {
      iframe.src = src;
    }
    iframe.focus();
  }

  function seek(video, start) {
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
    video.focus();
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest("a[data-cercle-start]") : null;
    var player = document.querySelector("[data-cercle-player]");
    if (!link || !player) return;
    event.preventDefault();
    var start = parseInt(link.getAttribute("data-cercle-start"), 10) || 0;
    if (player.tagName === "VIDEO") seek(player, start);
    else embed(player, start);
    if (!link.classList.contains("cercle-video__poster") && player.scrollIntoView) {
      player.scrollIntoView({ block: "nearest" });
    }
  });
})();
