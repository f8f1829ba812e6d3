// The main menu's groups are <details>: one open at a time, closed by Escape or a click elsewhere.
(() => {
  const groups = [...document.querySelectorAll(".site-nav .nav-group details")];
  const closeAll = (except) => groups.forEach((group) => group !== except && group.removeAttribute("open"));
  groups.forEach((group) => group.addEventListener("toggle", () => group.open && closeAll(group)));
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".site-nav .nav-group")) closeAll(null);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = groups.find((group) => group.open);
    if (open) {
      open.removeAttribute("open");
      open.querySelector("summary").focus();
    }
  });
})();
