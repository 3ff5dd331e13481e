// Printed links show their address after their text (cercle-print.css). The stylesheet prints
// `data-print-url`; here each link of the content gets its absolute address, since a relative
// "../guides/x/" means nothing on paper. Same-page anchors and chapter times are left out.
(function () {
  "use strict";
  var content = document.getElementById("cercle-content");
  if (!content) return;
  var page = location.href.split("#")[0];
  content.querySelectorAll("a[href]").forEach(function (link) {
    var href = link.href;
    if (!/^https?:|^mailto:/.test(href) || href.split("#")[0] === page) return;
    if (link.closest(".cercle-chapters, .cercle-transcript__lines, .headerlink, [data-cercle-share]")) return;
    if (link.textContent.trim() === href.replace(/^mailto:/, "")) return;
    link.setAttribute("data-print-url", href.replace(/^mailto:/, ""));
  });
})();
