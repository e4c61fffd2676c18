/** Virtual module from @vitejs/plugin-react: the Fast Refresh preamble (empty in builds). */
declare module '@vitejs/plugin-react/preamble';
