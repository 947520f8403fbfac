-- Opens the file named by $ARGMAP_FILE with `argmap lsp` ($ARGMAP_LSP, default
-- "argmap") attached, waits for its diagnostics and prints them, one a line:
--   nvim --headless -u NONE -c "luafile editors/neovim/diagnostics.lua"
-- Works on Neovim 0.7 (vim.lsp.start_client); 0.8 and later also have vim.lsp.start.
local id = vim.lsp.start_client({
  name = "argmap",
  cmd = { os.getenv("ARGMAP_LSP") or "argmap", "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ARGMAP_FILE")))
vim.bo.filetype = "argmap"
vim.lsp.buf_attach_client(0, id)
local arrived = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format("%d:%d %s %s\n", d.lnum + 1, d.col + 1, d.code or "", (d.message:gsub("\n", " "))))
end
io.stdout:write(arrived and "arrived\n" or "none\n")
vim.cmd("qa!")
