import { SelectField } from '@/components/select-field';
import { useT } from '@/lib/i18n/i18n';
import { type ThemePreference, usePreferences } from '@/lib/preferences';

export function ThemeSelect({ className }: { className?: string }) {
  const t = useT();
  const theme = usePreferences((state) => state.theme);
  const setTheme = usePreferences((state) => state.setTheme);
  return (
    <SelectField
      className={className}
      label={t('shell.theme')}
      value={theme}
      onChange={(event) => setTheme(event.target.value as ThemePreference)}
      options={[
        { value: 'system', label: t('shell.themeSystem') },
        { value: 'light', label: t('shell.themeLight') },
        { value: 'dark', label: t('shell.themeDark') },
      ]}
    />
  );
}
