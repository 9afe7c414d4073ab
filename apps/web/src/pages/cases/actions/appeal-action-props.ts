/** What every action form on an appeal receives: where it is, and how to report success. */
export interface AppealActionProps {
  slug: string;
  appealId: string;
  onDone: (message: string) => void;
}
