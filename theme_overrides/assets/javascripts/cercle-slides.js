/* Cercle: slides gallery. Without JavaScript each thumbnail links to its full image; with
 * it, thumbnails show the slide in place, buttons and the arrow keys (Home/End too) move
 * between slides, and the caption (a polite live region) says which slide is shown. */
(function () {
  "use strict";

  // Each item links its slide's image, named by the slide's alt text: the thumbnail takes the
  // text's place (slide-NNN.webp → thumb-NNN.webp; the size from the item or the list).
  function thumbnails(list) {
    var size = (list.getAttribute("data-size") || "").split("x");
    return Array.prototype.map.call(list.querySelectorAll("a"), function (link) {
      var own = (link.getAttribute("data-size") || "").split("x");
      var href = link.getAttribute("href");
      var cut = href.lastIndexOf("/") + 1;
      var img = document.createElement("img");
      img.loading = "lazy";  // before its address, or the browser may fetch it at once
      img.alt = link.textContent;
      img.width = Number(own[1] ? own[0] : size[0]);
      img.height = Number(own[1] ? own[1] : size[1]);
      img.src = href.slice(0, cut) + href.slice(cut).replace("slide-", "thumb-");
      link.textContent = "";
      link.appendChild(img);
      return link;
    });
  }

  function init(root) {
    var list = root.querySelector(".cercle-slides__thumbs");
    var links = list ? thumbnails(list) : [];
    var image = root.querySelector("[data-cercle-slide-image]");
    var caption = root.querySelector("[data-cercle-slide-caption]");
    var stage = root.querySelector("[data-cercle-slides-stage]");
    var controls = root.querySelector("[data-cercle-slides-controls]");
    var play = root.querySelector("[data-cercle-slide-play]");
    if (!links.length || !image) return;
    var current = 0;

    function show(index, focusThumb) {
      index = Math.max(0, Math.min(links.length - 1, index));
      current = index;
      var link = links[index];
      image.src = link.getAttribute("href");
      // The thumbnail's own alt text, in its language (a deck in another language than the
      // page's: the link carries it); the caption from the stage's template.
      image.alt = (link.querySelector("img") || {}).alt || "";
      if (link.lang) image.lang = link.lang;
      else image.removeAttribute("lang");
      if (caption) {
        caption.textContent = (caption.getAttribute("data-template") || "")
          .replace("{n}", String(index + 1))
          .replace("{total}", String(links.length));
      }
      links.forEach(function (other, i) {
        if (i === index) other.setAttribute("aria-current", "true");
        else other.removeAttribute("aria-current");
      });
      if (focusThumb) link.focus();
      // slides_at: "play from this slide" follows the slide shown.
      var at = link.getAttribute("data-cercle-at");
      if (play && at !== null) {
        play.setAttribute("data-cercle-start", at);
        play.setAttribute("href", "#t=" + at);
        play.textContent = play.getAttribute("data-template").replace("{at}", link.getAttribute("data-cercle-at-label"));
      }
    }

    // The video's time moves the gallery (cercle-replay.js, from `slides_at`).
    root.addEventListener("cercle:slide", function (event) {
      show(event.detail.index, false);
    });

    if (controls) {
      controls.hidden = false;
      controls.querySelector("[data-cercle-slides-prev]").addEventListener("click", function () {
        show(current - 1, false);
      });
      controls.querySelector("[data-cercle-slides-next]").addEventListener("click", function () {
        show(current + 1, false);
      });
    }
    if (stage) stage.setAttribute("tabindex", "0");

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        show(index, false);
      });
    });

    root.addEventListener("keydown", function (event) {
      if (event.target.closest("details")) return;
      var focused = links.indexOf(event.target);
      var from = focused === -1 ? current : focused; // arrows move from the focused thumbnail
      var next = { ArrowRight: from + 1, ArrowLeft: from - 1, Home: 0, End: links.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      show(next, focused !== -1);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-cercle-slides]"), init);
})();
