// The room's pages: the timer counts down, and a typed idea is never swapped away.
// A static file (the Content-Security-Policy allows no inline script and no eval).
(function () {
  "use strict";

  // The server says how many seconds were left when it rendered the page; the count goes on
  // by this device's own clock (which need not agree with the laptop's).
  function tick() {
    var now = Date.now() / 1000;
    document.querySelectorAll("[data-remaining]").forEach(function (timer) {
      if (!timer.dataset.until) {
        timer.dataset.until = String(now + Number(timer.getAttribute("data-remaining")));
      }
      var left = Math.max(0, Math.floor(Number(timer.dataset.until) - now));
      if (left === 0) {
        timer.textContent = "Time is up";
      } else {
        var seconds = left % 60;
        timer.textContent = Math.floor(left / 60) + ":" + (seconds < 10 ? "0" : "") + seconds + " left";
      }
    });
  }
  setInterval(tick, 1000);

  // When the facilitator moves on while someone is typing an idea, keep the form (the idea
  // still counts for the brainstorm it was written for) and say so, instead of swapping it.
  document.addEventListener("htmx:confirm", function (event) {
    var target = event.detail.elt;
    if (!target || target.id !== "activity") {
      return;
    }
    var typing = document.getElementById("idea-text");
    if (typing && typing.value.trim() !== "") {
      event.preventDefault();
      var note = document.getElementById("moved-on");
      if (note) {
        note.hidden = false;
      }
    }
  });

  // After a swap, the new activity's first field has the focus.
  document.addEventListener("htmx:afterSwap", function (event) {
    var field = document.querySelector("#activity textarea, #activity input[type=radio]");
    if (field && event.detail.elt && event.detail.elt.id === "activity") {
      field.focus();
    }
  });
})();
