// Shows the 打印 buttons (marked data-print, hidden without JavaScript) and prints the page when one is pressed.
document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
});
