import { useOsTheme } from 'naive-ui';
import { computed, ref } from 'vue';

/** Light, dark, or follow the operating system; remembered in this browser. */
export type ThemePreference = 'light' | 'dark' | 'system';
const STORAGE_KEY = 'aftercare.theme';

const preference = ref<ThemePreference>((localStorage.getItem(STORAGE_KEY) as ThemePreference | null) ?? 'system');

export function useThemePreference() {
  const os = useOsTheme();
  const dark = computed(() => (preference.value === 'system' ? os.value === 'dark' : preference.value === 'dark'));
  return {
    preference,
    dark,
    set(p: ThemePreference) {
      preference.value = p;
      localStorage.setItem(STORAGE_KEY, p);
    },
  };
}
