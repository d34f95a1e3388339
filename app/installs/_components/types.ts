export interface InstallSummary {
  id: string;
  name: string;
  status: string;
  hosts: number;
  runs: number;
  updatedAt: string;
}
