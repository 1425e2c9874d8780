import type { ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';

interface TabsProps {
  value: string;
  onValueChange: (value: string) => void;
  tabs: { value: string; label: string; content: ReactNode }[];
  label: string;
}

/** Tabs with roving focus (arrow keys), each panel labelled by its tab. */
export function Tabs({ value, onValueChange, tabs, label }: TabsProps) {
  return (
    <RadixTabs.Root value={value} onValueChange={onValueChange} className="tabs">
      <RadixTabs.List className="tabs-list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value} className="tabs-trigger">
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value} className="tabs-content">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
