import { create } from 'zustand';

/** Why the user is back at the login page, if the server ended their session (LOGIN-8). */
export const useSessionNotice = create<{
  expired: boolean;
  setExpired: (expired: boolean) => void;
}>()((set) => ({
  expired: false,
  setExpired: (expired) => set({ expired }),
}));
