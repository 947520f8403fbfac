;;; diagnostics.el --- open a map with `argmap lsp' under Eglot and print its diagnostics  -*- lexical-binding: t -*-
;;
;; Opens the file named by $ARGMAP_FILE with the server $ARGMAP_LSP (default
;; "argmap") attached through Eglot, waits for its diagnostics and prints them,
;; one a line (line:column message), then "arrived" or "none":
;;   emacs --batch -l editors/emacs/diagnostics.el
;; Eglot is built into Emacs 29 and later; on Emacs 28 install it first
;; (M-x package-install RET eglot, or Debian's elpa-eglot).

(require 'eglot)

;; The configuration docs/editors.md shows: a mode for .argmap files and the server for it.
(define-derived-mode argmap-mode prog-mode "argmap"
  "Major mode for argmap files."
  (setq-local comment-start "# "))
(add-to-list 'auto-mode-alist '("\\.argmap\\'" . argmap-mode))
(add-to-list 'eglot-server-programs
             `(argmap-mode . (,(or (getenv "ARGMAP_LSP") "argmap") "lsp")))

(find-file (getenv "ARGMAP_FILE"))
(apply #'eglot (eglot--guess-contact))
(let ((waited 0))
  (while (and (null (flymake-diagnostics)) (< waited 200))
    (accept-process-output nil 0.1)
    (setq waited (1+ waited))))
(dolist (d (sort (flymake-diagnostics)
                 (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
  (let ((beg (flymake-diagnostic-beg d)))
    (princ (format "%d:%d %s\n"
                   (line-number-at-pos beg)
                   (save-excursion (goto-char beg) (1+ (current-column)))
                   (replace-regexp-in-string "\n" " " (flymake-diagnostic-text d))))))
(princ (if (flymake-diagnostics) "arrived\n" "none\n"))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
